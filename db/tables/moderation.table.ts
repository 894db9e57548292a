import type { AuditAction, AuditTargetType } from '../../shared/moderation.constants.ts';

/** The audit log: rows are only ever inserted. */
export interface ModerationActionsTable {
  id: string;
  dialogue_id: string | null;
  actor_id: string;
  action: AuditAction;
  target_type: AuditTargetType;
  target_id: string;
  reason: string | null;
  /** JSON of the target before and after the action */
  before_state: string | null;
  after_state: string | null;
  created_at: string;
}
