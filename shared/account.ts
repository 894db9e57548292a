import { Type, type Static, type TSchema } from 'typebox';
import { Affiliation, Id, IsoTime, Language, Role } from './common.ts';
import { EmailNotifications } from './mail.ts';
import { COMMENT_FATES, ONE_TIME_TOKEN_MAX } from './account.constants.ts';
import { COMMENT_STATUSES, REPORT_REASONS } from './comments.constants.ts';
import { ATTRIBUTIONS } from './quote-consent.ts';
import { EMAIL_MAX, NAME_DISPLAYS, PASSWORD_MAX, PASSWORD_MIN, QUOTE_CONSENTS } from './users.constants.ts';
import { MAIL_KINDS, MAIL_STATUSES, NOTIFICATION_KINDS } from './mail.constants.ts';
import { PracticeContinent, PracticeStatus } from './practices.ts';

export { COMMENT_FATES };

const OneTimeToken = Type.String({ minLength: 1, maxLength: ONE_TIME_TOKEN_MAX, description: 'the token from the mailed link' });
const NewPassword = Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX });

export const PasswordResetBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: EMAIL_MAX, description: 'the address of the account; any address is answered alike' }) },
  { additionalProperties: false },
);
export type PasswordResetBody = Static<typeof PasswordResetBody>;

export const PasswordResetConfirmBody = Type.Object({ token: OneTimeToken, newPassword: NewPassword }, { additionalProperties: false });
export type PasswordResetConfirmBody = Static<typeof PasswordResetConfirmBody>;

export const VerifyEmailConfirmBody = Type.Object({ token: OneTimeToken }, { additionalProperties: false });
export type VerifyEmailConfirmBody = Static<typeof VerifyEmailConfirmBody>;

export const DeleteAccountBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX, description: 'the account’s current password' }),
    comments: Type.Enum(COMMENT_FATES, {
      description: '`keep_anonymous`: the comments stay, signed "former participant"; `withdraw`: each becomes a withdrawn placeholder',
    }),
  },
  { additionalProperties: false },
);
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** GET /api/auth/me/export: everything stored about the signed-in user, as one JSON document. */
export const MyData = Type.Object(
  {
    exportedAt: IsoTime,
    profile: Type.Object(
      {
        id: Id,
        email: Type.String(),
        emailVerifiedAt: Nullable(IsoTime),
        displayName: Type.String(),
        country: Type.String(),
        organization: Nullable(Type.String()),
        affiliation: Nullable(Affiliation),
        language: Language,
        quoteConsent: Type.Enum(QUOTE_CONSENTS),
        nameDisplay: Type.Enum(NAME_DISPLAYS),
        role: Role,
        emailNotifications: EmailNotifications,
        timeZone: Nullable(Type.String()),
        lastDigestAt: Nullable(IsoTime),
        createdAt: IsoTime,
        updatedAt: IsoTime,
      },
      { description: 'the account (never the password, which is stored only as an argon2id hash)' },
    ),
    comments: Type.Array(
      Type.Object({
        id: Id,
        dialogue: Type.String({ description: 'the dialogue’s slug' }),
        topicId: Id,
        topic: Type.String({ description: 'the topic’s question' }),
        parentId: Nullable(Id),
        replyToId: Nullable(Id),
        body: Type.String({ description: 'the text as it stands, in Markdown' }),
        language: Language,
        status: Type.Enum(COMMENT_STATUSES),
        editNote: Nullable(Type.String()),
        createdAt: IsoTime,
        editedAt: Nullable(IsoTime),
        revisions: Type.Array(
          Type.Object({
            body: Type.String({ description: 'the text before this edit' }),
            note: Nullable(Type.String()),
            byModerator: Type.Boolean({ description: 'the edit was a moderator’s' }),
            createdAt: IsoTime,
          }),
          { description: 'earlier versions, oldest first' },
        ),
      }),
      { description: 'every comment written, in any status, oldest first' },
    ),
    reports: Type.Array(
      Type.Object({ id: Id, commentId: Id, reason: Type.Enum(REPORT_REASONS), details: Type.String(), createdAt: IsoTime, resolvedAt: Nullable(IsoTime) }),
      { description: 'the reports this user made' },
    ),
    notifications: Type.Array(
      Type.Object({
        id: Id,
        kind: Type.Enum(NOTIFICATION_KINDS),
        message: Type.String(),
        commentId: Nullable(Id),
        topicId: Nullable(Id),
        quoteId: Nullable(Id),
        createdAt: IsoTime,
        readAt: Nullable(IsoTime),
      }),
    ),
    follows: Type.Array(
      Type.Object({ topicId: Id, topic: Type.String(), following: Type.Boolean({ description: 'false: the user stopped following it' }), createdAt: IsoTime }),
    ),
    readPositions: Type.Array(Type.Object({ topicId: Id, lastSeq: Type.Integer(), updatedAt: IsoTime }), {
      description: 'how far the user read each topic (for "new since your last visit")',
    }),
    quotes: Type.Array(
      Type.Object({
        id: Id,
        commentId: Id,
        topicId: Id,
        excerpt: Type.String(),
        attribution: Type.Enum(ATTRIBUTIONS, { description: 'as the moderator chose it; exports narrow it to the consent in force' }),
        consentWithdrawn: Type.Boolean(),
        consentWithdrawnAt: Nullable(IsoTime),
        consentWithdrawalReason: Nullable(Type.String()),
        createdAt: IsoTime,
      }),
      { description: 'moderators’ quotes of this user’s words, with the state of their consent' },
    ),
    practices: Type.Array(
      Type.Object({
        id: Id,
        title: Type.String(),
        organization: Type.String(),
        countries: Type.Array(Type.String(), { description: 'ISO 3166-1 alpha-2' }),
        continent: PracticeContinent,
        themes: Type.Array(Type.String()),
        description: Type.String({ description: 'in Markdown' }),
        link: Nullable(Type.String()),
        contact: Nullable(Type.String({ description: 'seen only by organizers and the submitter' })),
        language: Language,
        dialogue: Nullable(Type.String({ description: 'the slug of the dialogue that gathered it' })),
        sourceCommentId: Nullable(Id),
        status: PracticeStatus,
        returnReason: Nullable(Type.String({ description: 'why a moderator returned it' })),
        createdAt: IsoTime,
        updatedAt: IsoTime,
        publishedAt: Nullable(IsoTime),
      }),
      { description: 'every good practice submitted, in any status, oldest first' },
    ),
    suspensions: Type.Array(Type.Object({ until: IsoTime, reason: Type.String(), createdAt: IsoTime, liftedAt: Nullable(IsoTime) })),
    moderates: Type.Array(Type.String(), { description: 'slugs of the dialogues this user is appointed to moderate' }),
    mail: Type.Array(
      Type.Object({ kind: Type.Enum(MAIL_KINDS), subject: Type.String(), status: Type.Enum(MAIL_STATUSES), createdAt: IsoTime, sentAt: Nullable(IsoTime) }),
      { description: 'the messages mailed (or waiting to be mailed) to this user' },
    ),
  },
  { description: 'Everything stored about the user; sent as an attachment named `my-data-YYYY-MM-DD.json`' },
);
export type MyData = Static<typeof MyData>;
