// Plain values of the dialogues contract, importable by the browser bundle without TypeBox;
// shared/dialogues.ts builds its schemas from them.

/** post: comments show at once and moderators act afterwards; pre: every comment waits for a moderator. */
export const MODERATION_POLICIES = ['post', 'pre'] as const;
export type ModerationPolicy = (typeof MODERATION_POLICIES)[number];
export const DIALOGUE_STATUSES = ['announced', 'open', 'closed'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];
/** The most reports by distinct participants a dialogue may ask for before a published comment is held. */
export const REPORTS_TO_HOLD_MAX = 1_000;
