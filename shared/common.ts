import { Type, type Static } from 'typebox';
import { AFFILIATIONS, LANGUAGES, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, ROLES } from './common.constants.ts';
import { COUNTRY_CODES } from './countries.ts';
import { ERROR_CODES } from './errors.constants.ts';

export { AFFILIATIONS, LANGUAGES, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX };

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const IsoTime = Type.String({ format: 'date-time', description: 'ISO 8601 UTC time' });
export const Country = Type.Enum(COUNTRY_CODES, { description: 'ISO 3166-1 alpha-2, upper case' });
export const Language = Type.Enum(LANGUAGES);
export const Affiliation = Type.Enum(AFFILIATIONS);
export const Role = Type.Enum(ROLES);

export type Language = Static<typeof Language>;
export type Affiliation = Static<typeof Affiliation>;
export type Role = Static<typeof Role>;

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.Enum(ERROR_CODES),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;
