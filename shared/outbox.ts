import { Type, type Static } from 'typebox';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from './common.ts';
import { MAIL_STATUSES } from './mail.constants.ts';
import { EmailNotifications, OutboxItem, UnsubscribeScope } from './mail.ts';

// The organizers' view of the outbox, and the one-click unsubscribe of every e-mail.

export const MailStatus = Type.Enum(MAIL_STATUSES);

export const OutboxQuery = Type.Object(
  {
    status: Type.Optional(MailStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })),
    after: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;

/** How many messages are in each status, whatever the filter. */
export const OutboxCounts = Type.Object({ queued: Type.Integer(), sending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() });
export type OutboxCounts = Static<typeof OutboxCounts>;

export const OutboxList = Type.Object({
  items: Type.Array(OutboxItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  counts: OutboxCounts,
});
export type OutboxList = Static<typeof OutboxList>;

export const UnsubscribeQuery = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 300, description: 'the token of an e-mail’s unsubscribe link' }) },
  { additionalProperties: false },
);
export type UnsubscribeQuery = Static<typeof UnsubscribeQuery>;

export const UnsubscribeResult = Type.Object({
  scope: UnsubscribeScope,
  emailNotifications: EmailNotifications,
});
export type UnsubscribeResult = Static<typeof UnsubscribeResult>;
