import { Type, type Static } from 'typebox';
import { Affiliation, Country, Id, IsoTime, Language, Role } from './common.ts';
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
    password: Type.Optional(Password),
    currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: PASSWORD_MAX })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProfilePatch = Static<typeof ProfilePatch>;
