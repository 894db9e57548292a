import { Type, type Static } from 'typebox';
import { Affiliation, Country, Id, IsoTime, Language, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, Role } from './common.ts';
import { EmailNotifications, EmailNotificationsPatch } from './mail.ts';
import { DISPLAY_NAME_MAX, EMAIL_MAX, NAME_DISPLAYS, ORGANIZATION_MAX, PASSWORD_MAX, PASSWORD_MIN, QUOTE_CONSENTS } from './users.constants.ts';

export { NAME_DISPLAYS, PASSWORD_MAX, PASSWORD_MIN, QUOTE_CONSENTS };

export const QuoteConsent = Type.Enum(QUOTE_CONSENTS, {
  description: 'how the participant may be quoted in reports: by name, by country and affiliation, anonymously, or not at all',
});
export const NameDisplay = Type.Enum(NAME_DISPLAYS, {
  description: 'how the name is shown next to comments: the display name, or "participant from COUNTRY"',
});

const Email = Type.String({ format: 'email', maxLength: EMAIL_MAX });
const Password = Type.String({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX });
const DisplayName = Type.String({ minLength: 1, maxLength: DISPLAY_NAME_MAX, pattern: '\\S' });
const Organization = Type.String({ maxLength: ORGANIZATION_MAX });

export const User = Type.Object({
  id: Id,
  email: Type.String(),
  displayName: Type.String(),
  country: Type.String(),
  organization: Type.Union([Type.String(), Type.Null()]),
  affiliation: Type.Union([Affiliation, Type.Null()]),
  language: Language,
  quoteConsent: QuoteConsent,
  nameDisplay: NameDisplay,
  role: Role,
  suspendedUntil: Type.Union([IsoTime, Type.Null()]),
  createdAt: IsoTime,
  emailVerified: Type.Boolean({ description: 'the owner opened the link mailed to this address' }),
  emailNotifications: EmailNotifications,
  timeZone: Type.Union([Type.String(), Type.Null()], { description: 'IANA time zone digests are timed in (UTC when null)' }),
  moderates: Type.Optional(
    Type.Array(Type.String(), {
      description:
        'slugs of the dialogues whose moderation tools this user may use: every dialogue for an organizer, the appointed ones for a moderator, none for a participant; always sent for the signed-in user',
    }),
  ),
});
export type User = Static<typeof User>;

export const UserEnvelope = Type.Object({ user: User });

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: DisplayName,
    country: Country,
    organization: Type.Optional(Organization),
    affiliation: Type.Optional(Affiliation),
    language: Type.Optional(Language),
    quoteConsent: Type.Optional(QuoteConsent),
    nameDisplay: Type.Optional(NameDisplay),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: EMAIL_MAX }), password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ProfilePatch = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    country: Type.Optional(Country),
    organization: Type.Optional(Type.Union([Organization, Type.Null()])),
    affiliation: Type.Optional(Type.Union([Affiliation, Type.Null()])),
    language: Type.Optional(Language),
    quoteConsent: Type.Optional(QuoteConsent),
    nameDisplay: Type.Optional(NameDisplay),
    emailNotifications: Type.Optional(EmailNotificationsPatch),
    timeZone: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], { description: 'an IANA name such as Europe/Zurich' })),
    password: Type.Optional(Password),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_MAX })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProfilePatch = Static<typeof ProfilePatch>;

/** `GET /api/users`: organizers look people up, filter them and page through them, by name. */
export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of a display name or e-mail address, any case' })),
    country: Type.Optional(Country),
    affiliation: Type.Optional(Affiliation),
    role: Type.Optional(Role),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })),
    after: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type PeopleQuery = Static<typeof PeopleQuery>;

export const Person = Type.Object({
  id: Id,
  displayName: Type.String(),
  email: Type.String(),
  country: Type.String(),
  organization: Type.Union([Type.String(), Type.Null()]),
  affiliation: Type.Union([Affiliation, Type.Null()]),
  role: Role,
  moderates: Type.Array(Type.String(), { description: 'slugs of the dialogues this person is appointed to moderate' }),
  commentCount: Type.Integer({ description: 'comments posted, in any status' }),
  suspendedUntil: Type.Union([IsoTime, Type.Null()]),
  createdAt: IsoTime,
});
export type Person = Static<typeof Person>;
export const PeopleList = Type.Object({ items: Type.Array(Person), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type PeopleList = Static<typeof PeopleList>;

/** Organizers make someone an organizer, or a participant again (moderators are appointed per dialogue). */
export const RoleChangeBody = Type.Object({ role: Type.Enum(['participant', 'organizer'] as const) }, { additionalProperties: false });
export type RoleChangeBody = Static<typeof RoleChangeBody>;
