// Plain values of the dialogues contract, importable by the browser bundle without TypeBox;
// shared/dialogues.ts builds its schemas from them.

/** post: comments show at once and moderators act afterwards; pre: every comment waits for a moderator. */
export const MODERATION_POLICIES = ['post', 'pre'] as const;
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number];
export const DIALOGUE_STATUSES = ['announced', 'open', 'closed'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];
/** The most reports by distinct participants a dialogue may ask for before a published comment is held. */
export const REPORTS_TO_HOLD_MAX = 1_000;

/** A dialogue's texts that organizers write in each of its languages; the base fields hold the first language's. */
export const DIALOGUE_TEXT_FIELDS = ['title', 'theme', 'description', 'hostDescription', 'annexLabel', 'annexLeadIn'] as const;
export type DialogueTextField = (typeof DIALOGUE_TEXT_FIELDS)[number];
export type DialogueTexts = Partial<Record<DialogueTextField, string>>;
/** A topic's texts in each of the dialogue's languages. */
export const TOPIC_TEXT_FIELDS = ['question', 'description'] as const;
export type TopicTextField = (typeof TOPIC_TEXT_FIELDS)[number];
export type TopicTexts = Partial<Record<TopicTextField, string>>;

/** The longest texts a dialogue and a topic take, in every language. */
export const TEXT_LIMITS = {
  title: 200,
  theme: 200,
  description: 20_000,
  hostDescription: 500,
  annexLabel: 60,
  annexLeadIn: 300,
  question: 500,
  topicDescription: 5_000,
} as const;
/** The longest edit window an organizer may give a dialogue, in minutes (a week). */
export const EDIT_WINDOW_MAX = 10_080;
