import type { ErrorBody } from '../shared/common.ts';
import type { ErrorCode } from '../shared/errors.constants.ts';

/** What services throw; the error handler turns it into `{error:{code,message}}` with this status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.'): AppError => new AppError(403, 'forbidden', message);
export const tooManyRequests = (retryAfterSeconds: number, message: string): AppError =>
  new AppError(429, 'rate_limited', message, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/** The one error shape of the API, for the handlers that write it themselves. */
export const errorBody = (code: ErrorCode, message: string, details?: ErrorBody['error']['details']): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});
