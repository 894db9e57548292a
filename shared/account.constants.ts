// Plain values of the account contract, importable by the browser bundle without TypeBox.

/** What happens to a deleted account's comments: they stay, signed "former participant", or each is withdrawn. */
export const COMMENT_FATES = ['keep_anonymous', 'withdraw'] as const;
export type CommentFate = (typeof COMMENT_FATES)[number];

/** A one-time token as mailed: long enough to be unguessable, short enough for any mail program's links. */
export const ONE_TIME_TOKEN_MAX = 128;
