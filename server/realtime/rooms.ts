// Room names. A socket viewing a topic is in `topic`; signed-in ones also in their own
// `topicUser` room, moderators of the topic's dialogue also in `topicModerators`, so that each
// audience of a change can be addressed with socket.io's `to(…).except(…)`, on one node or many.
// The moderation feed of a dialogue goes to its `dialogueModerators` and to `organizers`.
export const rooms = {
  topic: (topicId: string) => `t:${topicId}`,
  topicModerators: (topicId: string) => `t:${topicId}:m`,
  topicUser: (topicId: string, userId: string) => `t:${topicId}:u:${userId}`,
  dialogue: (dialogueId: string) => `d:${dialogueId}`,
  user: (userId: string) => `u:${userId}`,
  session: (sessionId: string) => `s:${sessionId}`,
  dialogueModerators: (dialogueId: string) => `moderators:${dialogueId}`,
  organizers: 'organizers',
};

const TOPIC_ROOM = /^t:([^:]+)$/;
const READER_ROOM = /^[td]:[^:]+$/;

/** The rooms anyone who may read a published dialogue may be in; every other room comes with a session. */
export const isReaderRoom = (room: string): boolean => READER_ROOM.test(room);

/** The topic ids among a socket's rooms. */
export const topicIdsOf = (socketRooms: Iterable<string>): string[] =>
  [...socketRooms].flatMap((room) => {
    const match = TOPIC_ROOM.exec(room);
    return match ? [match[1]!] : [];
  });
