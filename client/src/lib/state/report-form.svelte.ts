import type { CreateReportBody } from '../../../../shared/comments.ts';
import type { ReportReason } from '../../../../shared/comments.constants.ts';

/** A participant telling the moderators what is wrong with someone else's comment. */
export class ReportForm {
  /** empty until the reporter chooses: no reason is suggested for them */
  reason: ReportReason | '' = $state('');
  details = $state('');
  sending = $state(false);
  sent = $state(false);
  /** the reporter sent the form without choosing a reason */
  needsReason = $state(false);
  error: unknown = $state.raw();

  readonly commentId: string;
  readonly #send: (commentId: string, report: CreateReportBody) => Promise<void>;

  constructor(commentId: string, send: (commentId: string, report: CreateReportBody) => Promise<void>) {
    this.commentId = commentId;
    this.#send = send;
  }

  async submit(): Promise<void> {
    if (this.sending || this.sent) return;
    this.needsReason = this.reason === '';
    if (this.reason === '') return;
    this.sending = true;
    this.error = undefined;
    const details = this.details.trim();
    try {
      await this.#send(this.commentId, { reason: this.reason, ...(details ? { details } : {}) });
      this.sent = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.sending = false;
    }
  }
}
