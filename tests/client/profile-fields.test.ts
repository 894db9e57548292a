import { describe, expect, it } from 'vitest';
import { AFFILIATIONS } from '../../shared/common.ts';
import { COUNTRY_CODES } from '../../shared/countries.ts';
import { NAME_DISPLAYS as SHARED_NAME_DISPLAYS, PASSWORD_MAX, PASSWORD_MIN as SHARED_PASSWORD_MIN, QUOTE_CONSENTS, User } from '../../shared/users.ts';
import { LOCALES, loadCatalogue } from '../../client/src/lib/i18n/locales.ts';
import {
  AFFILIATION_LABELS,
  blankRegistration,
  countryOptions,
  keysOf,
  LIMITS,
  NAME_DISPLAYS,
  PASSWORD_MIN,
  profilePatch,
  profileValues,
  QUOTE_CONSENT_LABELS,
  registerBody,
} from '../../client/src/lib/profile-fields.ts';

const user: User = {
  id: 'u1',
  email: 'amina@example.org',
  displayName: 'Amina K.',
  country: 'MA',
  organization: null,
  affiliation: 'ngo',
  language: 'en',
  quoteConsent: 'anonymous',
  nameDisplay: 'name',
  role: 'participant',
  suspendedUntil: null,
  createdAt: '2026-07-12T07:00:00.000Z',
  emailVerified: false,
  emailNotifications: { replies: true, mentions: true, moderation: true, quotes: true, digest: 'daily' },
  timeZone: null,
};

describe('the client’s copies of the contract', () => {
  it('offers the contract’s values, and its limits', () => {
    expect(keysOf(AFFILIATION_LABELS)).toEqual([...AFFILIATIONS]);
    expect(keysOf(QUOTE_CONSENT_LABELS)).toEqual([...QUOTE_CONSENTS]);
    expect(NAME_DISPLAYS).toEqual(SHARED_NAME_DISPLAYS);
    expect(PASSWORD_MIN).toBe(SHARED_PASSWORD_MIN);
    expect(LIMITS.password).toBe(PASSWORD_MAX);
  });

  it.each(LOCALES)('states the minimum password length in %s', async (locale) => {
    const messages = await loadCatalogue[locale]();
    expect(messages['field.passwordHint']).toContain(String(PASSWORD_MIN));
    expect(messages['form.error.passwordShort']).toContain(String(PASSWORD_MIN));
  });
});

describe('countryOptions', () => {
  it('names every country in the interface language and sorts by that language', () => {
    const fr = countryOptions('fr');
    expect(fr).toHaveLength(COUNTRY_CODES.length);
    expect(fr.find((option) => option.code === 'DE')?.name).toBe('Allemagne');
    const names = fr.map((option) => option.name);
    // Accents do not send a name to the end of the list.
    expect(names.indexOf('Égypte')).toBeLessThan(names.indexOf('Espagne'));
    expect(countryOptions('es').find((option) => option.code === 'XK')?.name).toBe('Kosovo');
    expect(countryOptions('en')[0]?.name).toBe('Afghanistan');
  });
});

describe('registerBody', () => {
  it('trims answers and leaves out the optional ones not given', () => {
    const values = { ...blankRegistration('es'), email: ' ana@example.org ', password: ' spaces kept ', displayName: ' Ana ', country: 'PT' };
    expect(registerBody(values)).toEqual({
      email: 'ana@example.org',
      password: ' spaces kept ',
      displayName: 'Ana',
      country: 'PT',
      language: 'es',
      nameDisplay: 'name',
      quoteConsent: 'anonymous',
    });
    expect(registerBody({ ...values, organization: ' IOM ', affiliation: 'international_organization' })).toMatchObject({
      organization: 'IOM',
      affiliation: 'international_organization',
    });
  });
});

describe('profilePatch', () => {
  it('sends only what changed', () => {
    expect(profilePatch(profileValues(user), user)).toEqual({});
    expect(profilePatch({ ...profileValues(user), displayName: ' Amina Karimova ', language: 'fr' }, user)).toEqual({
      displayName: 'Amina Karimova',
      language: 'fr',
    });
  });

  it('clears optional answers with null', () => {
    expect(profilePatch({ ...profileValues(user), affiliation: '', organization: '  ' }, user)).toEqual({ affiliation: null });
    expect(profilePatch({ ...profileValues(user), organization: 'OIM' }, user)).toEqual({ organization: 'OIM' });
  });
});
