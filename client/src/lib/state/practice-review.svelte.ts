import { PRACTICE_ACTIONS, PRACTICE_TRANSITIONS, type PracticeAction } from '../../../../shared/practices.constants.ts';
import type { Practice, PracticeModerationBody } from '../../../../shared/practices.ts';

export type ModeratePractice = (id: string, body: PracticeModerationBody) => Promise<Practice>;

/** The decisions a moderator may take on a practice in this status. */
export const practiceActions = (practice: Pick<Practice, 'status'>): PracticeAction[] =>
  PRACTICE_ACTIONS.filter((action) => PRACTICE_TRANSITIONS[action].from.includes(practice.status));

/**
 * A moderator's decision on one practice: publish or unpublish it at once, or return it to its
 * author with a reason, written in a form that opens for it. The practice as the server answered
 * is handed to `decided`; a refusal stays here, to be said where the buttons are.
 */
export class PracticeReview {
  /** the decision on its way */
  busy: PracticeAction | null = $state(null);
  returning = $state(false);
  reason = $state('');
  /** the practice was about to be returned without a reason */
  needsReason = $state(false);
  error: unknown = $state.raw();
  /** the last decision that went through */
  done: PracticeAction | null = $state(null);

  readonly #moderate: ModeratePractice;
  readonly #decided: (practice: Practice, action: PracticeAction) => void;

  constructor(moderate: ModeratePractice, decided: (practice: Practice, action: PracticeAction) => void) {
    this.#moderate = moderate;
    this.#decided = decided;
  }

  openReturn(): void {
    this.returning = true;
    this.needsReason = false;
    this.error = undefined;
  }

  cancelReturn(): void {
    this.returning = false;
    this.needsReason = false;
  }

  /** Takes a decision; a return needs the reason written first. Whether it went through. */
  async act(practice: Practice, action: PracticeAction): Promise<boolean> {
    if (this.busy !== null) return false;
    const reason = this.reason.trim();
    if (action === 'return' && reason === '') {
      this.needsReason = true;
      return false;
    }
    this.busy = action;
    this.error = undefined;
    this.done = null;
    try {
      const decided = await this.#moderate(practice.id, action === 'return' ? { action, reason } : { action });
      this.done = action;
      this.returning = false;
      this.reason = '';
      this.needsReason = false;
      this.#decided(decided, action);
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = null;
    }
  }
}
