import type { Affiliation, Language } from '../../../shared/common.ts';
import { COUNTRY_CODES } from '../../../shared/countries.ts';
import {
  DISPLAY_NAME_MAX,
  EMAIL_MAX,
  NAME_DISPLAYS,
  ORGANIZATION_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
  type NameDisplay,
  type QuoteConsent,
} from '../../../shared/users.constants.ts';
import type { ProfilePatch, RegisterBody, User } from '../../../shared/users.ts';
import type { FieldSpec } from './forms.ts';
import type { PlainKey } from './i18n/messages.ts';

export { NAME_DISPLAYS, PASSWORD_MIN };
/** The contract's lengths, as the fields' `maxlength`. */
export const LIMITS = { email: EMAIL_MAX, password: PASSWORD_MAX, displayName: DISPLAY_NAME_MAX, organization: ORGANIZATION_MAX } as const;

export const AFFILIATION_LABELS = {
  government: 'affiliation.government',
  international_organization: 'affiliation.international_organization',
  ngo: 'affiliation.ngo',
  academia: 'affiliation.academia',
  private_sector: 'affiliation.private_sector',
  media: 'affiliation.media',
  migrant_association: 'affiliation.migrant_association',
  other: 'affiliation.other',
} as const satisfies Record<Affiliation, PlainKey>;

/** In the order offered: the most open first. */
export const QUOTE_CONSENT_LABELS = {
  name: 'quoteConsent.name',
  country: 'quoteConsent.country',
  anonymous: 'quoteConsent.anonymous',
  none: 'quoteConsent.none',
} as const satisfies Record<QuoteConsent, PlainKey>;

export const keysOf = <K extends string>(labels: Record<K, unknown>): K[] => Object.keys(labels) as K[];

/** Every country, named in `locale` and sorted as that language sorts (Égypte after Egypte, not after Zambie). */
export function countryOptions(locale: Language): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

/** The profile as the form edits it: every value a string, '' for "not given". */
export type ProfileValues = {
  displayName: string;
  country: string;
  organization: string;
  affiliation: Affiliation | '';
  language: Language;
  nameDisplay: NameDisplay;
  quoteConsent: QuoteConsent;
};

export type RegisterValues = ProfileValues & { email: string; password: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

const checkEmail = (value: string): PlainKey | undefined => {
  if (value.trim() === '') return 'form.error.emailRequired';
  return EMAIL.test(value.trim()) ? undefined : 'form.error.emailInvalid';
};
const filled =
  (message: PlainKey) =>
  (value: string): PlainKey | undefined =>
    value.trim() === '' ? message : undefined;
// Code points, as the server's schema counts them.
const checkNewPassword = (value: string): PlainKey | undefined => ([...value].length < PASSWORD_MIN ? 'form.error.passwordShort' : undefined);

export const PROFILE_SPECS = {
  displayName: { label: 'field.displayName', check: filled('form.error.displayNameRequired') },
  country: { label: 'field.country', check: filled('form.error.countryRequired') },
  organization: { label: 'field.organization' },
  affiliation: { label: 'field.affiliation' },
  language: { label: 'field.language' },
  nameDisplay: { label: 'field.nameDisplay' },
  quoteConsent: { label: 'field.quoteConsent' },
} satisfies Record<keyof ProfileValues, FieldSpec>;

export const REGISTER_SPECS = {
  email: { label: 'field.email', check: checkEmail },
  password: { label: 'field.password', check: checkNewPassword },
  ...PROFILE_SPECS,
} satisfies Record<keyof RegisterValues, FieldSpec>;

export const SIGN_IN_SPECS = {
  email: { label: 'field.email', check: checkEmail },
  password: { label: 'field.password', check: filled('form.error.passwordRequired') },
} satisfies Record<string, FieldSpec>;

export const PASSWORD_SPECS = {
  currentPassword: { label: 'field.currentPassword', check: filled('form.error.currentPasswordRequired') },
  newPassword: { label: 'field.newPassword', check: checkNewPassword, body: 'password' },
} satisfies Record<string, FieldSpec>;

/** A new participant's starting answers: quoted anonymously unless they choose otherwise, as in the 2010 annex. */
export function blankRegistration(language: Language): RegisterValues {
  return {
    email: '',
    password: '',
    displayName: '',
    country: '',
    organization: '',
    affiliation: '',
    language,
    nameDisplay: 'name',
    quoteConsent: 'anonymous',
  };
}

export function profileValues(user: User): ProfileValues {
  return {
    displayName: user.displayName,
    country: user.country,
    organization: user.organization ?? '',
    affiliation: user.affiliation ?? '',
    language: user.language,
    nameDisplay: user.nameDisplay,
    quoteConsent: user.quoteConsent,
  };
}

export function registerBody(values: RegisterValues): RegisterBody {
  const { organization, affiliation, ...rest } = values;
  return {
    ...rest,
    email: values.email.trim(),
    displayName: values.displayName.trim(),
    country: values.country as RegisterBody['country'],
    ...(organization.trim() ? { organization: organization.trim() } : {}),
    ...(affiliation ? { affiliation } : {}),
  };
}

/** The fields that differ from the profile as the server last sent it: a save sends what the reader changed, nothing else. */
export function profilePatch(values: ProfileValues, user: User): ProfilePatch {
  const wanted: ProfilePatch = {
    ...values,
    displayName: values.displayName.trim(),
    country: values.country as ProfilePatch['country'],
    organization: values.organization.trim() || null,
    affiliation: values.affiliation || null,
  };
  return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => user[key as keyof User] !== value));
}
