import { ApiError } from './api.ts';
import type { PlainKey } from './i18n/messages.ts';

/** One field of a form: its label, the check run before sending, and its name in the request body. */
export interface FieldSpec {
  label: PlainKey;
  check?: (value: string) => PlainKey | undefined;
  /** the body property the server names in its errors, when it differs from the field's name */
  body?: string;
}

export type FieldErrors<F extends string> = Partial<Record<F, PlainKey>>;

/** What went wrong with the form as a whole: a message, or a wait before trying again. */
export type Problem = PlainKey | { waitMinutes: number };

export interface Problems<F extends string> {
  fields: FieldErrors<F>;
  form: Problem | null;
}

/** The checks of every field whose value fails one, in the specs' order. */
export function validate<F extends string>(values: Record<F, string>, specs: Record<F, FieldSpec>): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const field of Object.keys(specs) as F[]) {
    const error = specs[field].check?.(values[field]);
    if (error) errors[field] = error;
  }
  return errors;
}

// Errors the server gives with a code rather than a path, and the field they concern.
const CODE_FIELDS: Record<string, { body: string; message: PlainKey }> = {
  email_taken: { body: 'email', message: 'form.error.emailTaken' },
  wrong_password: { body: 'currentPassword', message: 'form.error.currentPasswordWrong' },
};

const SECONDS_PER_MINUTE = 60;

function fieldNamed<F extends string>(body: string, specs: Record<F, FieldSpec>): F | undefined {
  return (Object.keys(specs) as F[]).find((field) => (specs[field].body ?? field) === body);
}

/**
 * A failed submission in the catalogue's words: rejected fields (a 400's `details`, whose paths
 * look like "body/password", or a code such as `email_taken`) next to their inputs, and what
 * concerns the whole form. The server's own sentences are English and name schema internals,
 * so they are never shown.
 */
export function problemsFrom<F extends string>(error: unknown, specs: Record<F, FieldSpec>): Problems<F> {
  if (!(error instanceof ApiError)) return { fields: {}, form: 'error.generic' };
  const coded = CODE_FIELDS[error.code];
  const codedField = coded && fieldNamed(coded.body, specs);
  if (coded && codedField) return { fields: { [codedField]: coded.message } as FieldErrors<F>, form: null };
  if (error.status === 400) {
    const fields: FieldErrors<F> = {};
    for (const detail of error.details) {
      const field = fieldNamed(detail.path.replace(/^body\//, '').split('/')[0] ?? '', specs);
      if (field) fields[field] ??= 'form.error.invalid';
    }
    return Object.keys(fields).length > 0 ? { fields, form: null } : { fields, form: 'error.generic' };
  }
  if (error.status === 401) return { fields: {}, form: error.code === 'invalid_credentials' ? 'form.error.wrongPair' : 'form.error.signedOut' };
  if (error.status === 429) return { fields: {}, form: { waitMinutes: Math.max(1, Math.ceil((error.retryAfter ?? 0) / SECONDS_PER_MINUTE)) } };
  if (error.status === 0) return { fields: {}, form: 'error.network' };
  return { fields: {}, form: 'error.generic' };
}

/** The id of a field's input, which labels, error messages and the summary's links point to. */
export const fieldId = (form: string, field: string): string => `${form}-${field}`;
