import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/lib/api.ts';
import { fieldId, problemsFrom, validate } from '../../client/src/lib/forms.ts';
import { blankRegistration, PASSWORD_SPECS, REGISTER_SPECS, SIGN_IN_SPECS } from '../../client/src/lib/profile-fields.ts';

const invalid = (...paths: string[]) =>
  new ApiError(
    400,
    'validation_failed',
    `${paths[0]} is not valid`,
    paths.map((path) => ({ path, message: 'is not valid' })),
  );

describe('validate', () => {
  it('asks for every required answer of a blank registration, in the form’s order', () => {
    const errors = validate(blankRegistration('en'), REGISTER_SPECS);
    expect(Object.entries(errors)).toEqual([
      ['email', 'form.error.emailRequired'],
      ['password', 'form.error.passwordShort'],
      ['displayName', 'form.error.displayNameRequired'],
      ['country', 'form.error.countryRequired'],
    ]);
  });

  it('accepts a complete registration', () => {
    const values = { ...blankRegistration('fr'), email: ' ana@example.org ', password: 'ten chars!', displayName: 'Ana', country: 'PT' };
    expect(validate(values, REGISTER_SPECS)).toEqual({});
  });

  it.each([
    ['no-at-sign.example.org', 'form.error.emailInvalid'],
    ['two words@example.org', 'form.error.emailInvalid'],
    ['   ', 'form.error.emailRequired'],
  ])('rejects the e-mail address %j', (email, message) => {
    expect(validate({ email, password: 'x' }, SIGN_IN_SPECS)).toEqual({ email: message });
  });

  it('counts a new password in characters as the server does, and only asks sign-in for some password', () => {
    expect(validate({ currentPassword: 'old', newPassword: '😀'.repeat(9) }, PASSWORD_SPECS)).toEqual({ newPassword: 'form.error.passwordShort' });
    expect(validate({ currentPassword: 'old', newPassword: '😀'.repeat(10) }, PASSWORD_SPECS)).toEqual({});
    expect(validate({ email: 'a@b', password: 'short' }, SIGN_IN_SPECS)).toEqual({});
    expect(validate({ email: 'a@b', password: '' }, SIGN_IN_SPECS)).toEqual({ password: 'form.error.passwordRequired' });
  });

  it('asks a spaces-only display name again', () => {
    const values = { ...blankRegistration('en'), email: 'a@b', password: 'long enough pass', displayName: '  ', country: 'SN' };
    expect(validate(values, REGISTER_SPECS)).toEqual({ displayName: 'form.error.displayNameRequired' });
  });
});

describe('problemsFrom', () => {
  it('puts a 400’s rejected fields next to them, by their path in the body', () => {
    expect(problemsFrom(invalid('body/password', 'body/country', 'body/password'), REGISTER_SPECS)).toEqual({
      fields: { password: 'form.error.invalid', country: 'form.error.invalid' },
      form: null,
    });
  });

  it('follows a field whose body name differs from its own', () => {
    expect(problemsFrom(invalid('body/password'), PASSWORD_SPECS).fields).toEqual({ newPassword: 'form.error.invalid' });
  });

  it('says something general when no rejected path is a field of the form', () => {
    expect(problemsFrom(invalid('body/unknown'), SIGN_IN_SPECS)).toEqual({ fields: {}, form: 'error.generic' });
    expect(problemsFrom(invalid(), SIGN_IN_SPECS)).toEqual({ fields: {}, form: 'error.generic' });
  });

  it('puts coded conflicts next to the field they concern', () => {
    expect(problemsFrom(new ApiError(409, 'email_taken', 'exists'), REGISTER_SPECS)).toEqual({ fields: { email: 'form.error.emailTaken' }, form: null });
    expect(problemsFrom(new ApiError(403, 'wrong_password', 'no'), PASSWORD_SPECS)).toEqual({
      fields: { currentPassword: 'form.error.currentPasswordWrong' },
      form: null,
    });
  });

  it('says the same about a wrong e-mail address and a wrong password, and never the server’s words', () => {
    expect(problemsFrom(new ApiError(401, 'invalid_credentials', 'The e-mail address or password is not right.'), SIGN_IN_SPECS)).toEqual({
      fields: {},
      form: 'form.error.wrongPair',
    });
    expect(problemsFrom(new ApiError(401, 'not_signed_in', 'Sign in to continue.'), PASSWORD_SPECS).form).toBe('form.error.signedOut');
  });

  it.each([
    [1, 1],
    [60, 1],
    [61, 2],
    [14 * 60 + 5, 15],
    [null, 1],
  ])('turns a 429 with Retry-After %j seconds into a wait of %i minute(s)', (retryAfter, minutes) => {
    const error = new ApiError(429, 'rate_limited', 'Too many', [], retryAfter);
    expect(problemsFrom(error, SIGN_IN_SPECS)).toEqual({ fields: {}, form: { waitMinutes: minutes } });
  });

  it.each([
    [new ApiError(0, 'network_error', 'Failed to fetch'), 'error.network'],
    [new ApiError(500, 'internal', 'Internal Server Error'), 'error.generic'],
    [new ApiError(403, 'forbidden_origin', 'Bad origin'), 'error.generic'],
    [new Error('bug'), 'error.generic'],
  ])('%s → %s', (error, form) => {
    expect(problemsFrom(error, SIGN_IN_SPECS)).toEqual({ fields: {}, form });
  });
});

describe('fieldId', () => {
  it('keeps two forms of one page apart', () => {
    expect(fieldId('profile', 'country')).not.toBe(fieldId('register', 'country'));
  });
});
