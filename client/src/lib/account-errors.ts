import { ApiError } from './api.ts';
import { errorText } from './error-text.ts';
import { i18n } from './i18n/i18n.svelte.ts';

const SECONDS_PER_MINUTE = 60;

/** Why a request about the account did not go through, in the reader's language (the account section must be loaded). */
export function accountErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return i18n.plural('form.wait', Math.max(1, Math.ceil((error.retryAfter ?? 0) / SECONDS_PER_MINUTE)));
    if (error.code === 'already_verified') return i18n.t('account.email.already');
    if (error.code === 'last_organizer') return i18n.t('account.delete.lastOrganizer');
  }
  return errorText(error, 'write');
}
