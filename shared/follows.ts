import { Type, type Static } from 'typebox';
import { Id } from './common.ts';

// Following a topic, and the participants an @mention may name (issue 14).

/** Whether the signed-in reader follows the topic: its new comments come in their digest. */
export const FollowState = Type.Object({ following: Type.Boolean() });
export type FollowState = Static<typeof FollowState>;

/** How many participants the mention autocomplete offers at most. */
export const PARTICIPANT_SUGGESTIONS = 8;
/** The longest prefix the autocomplete sends: longer than any display name. */
export const PARTICIPANT_QUERY_MAX = 80;

export const ParticipantQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: PARTICIPANT_QUERY_MAX,
        description: 'the start of the name, or of one of its words, case-insensitive; empty: the most recent participants',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ParticipantQuery = Static<typeof ParticipantQuery>;

/** A participant who can be @mentioned: shown by name in the thread. */
export const MentionableParticipant = Type.Object({ id: Id, displayName: Type.String() });
export type MentionableParticipant = Static<typeof MentionableParticipant>;

export const ParticipantList = Type.Object({ items: Type.Array(MentionableParticipant, { maxItems: PARTICIPANT_SUGGESTIONS }) });
export type ParticipantList = Static<typeof ParticipantList>;
