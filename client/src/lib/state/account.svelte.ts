import { COMMENT_FATES, type CommentFate } from '../../../../shared/account.constants.ts';
import { ApiError } from '../api.ts';

export { Request } from './request.svelte.ts';

export { COMMENT_FATES, type CommentFate };

/** Whether the server refused a one-time link: used, expired, never issued. */
export const isInvalidLink = (error: unknown): boolean => error instanceof ApiError && error.code === 'invalid_token';

/** The token of a link as it arrived: a copied link may carry spaces or a line break. */
export const cleanToken = (token: string): string => token.replace(/\s+/g, '');
