import { COMMENT_FATES, type CommentFate } from '../../../../shared/account.constants.ts';
import { ApiError } from '../api.ts';

export { COMMENT_FATES, type CommentFate };

/** One request that can be made again: running, done, or refused with an error. */
export class Request {
  running = $state(false);
  done = $state(false);
  error: unknown = $state.raw();

  /** Runs `action` unless it is running already; whether it went through. */
  async run(action: () => Promise<void>): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    this.done = false;
    this.error = undefined;
    try {
      await action();
      this.done = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.running = false;
    }
    return this.done;
  }
}

/** Whether the server refused a one-time link: used, expired, never issued. */
export const isInvalidLink = (error: unknown): boolean => error instanceof ApiError && error.code === 'invalid_token';

/** The token of a link as it arrived: a copied link may carry spaces or a line break. */
export const cleanToken = (token: string): string => token.replace(/\s+/g, '');
