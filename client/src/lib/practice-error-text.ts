import { ApiError } from './api.ts';
import { errorText, type ErrorContext } from './error-text.ts';
import { i18n } from './i18n/i18n.svelte.ts';

/**
 * What to tell someone whose change to a good practice did not go through. The codes the
 * practices share with comments are said about the practice, not about a comment.
 */
export function practiceErrorText(error: unknown, context: ErrorContext): string {
  if (error instanceof ApiError && error.code === 'already_moderated') return i18n.t('practices.error.alreadyModerated');
  if (error instanceof ApiError && error.code === 'comment_not_published') return i18n.t('practices.error.sourceGone');
  return errorText(error, context);
}
