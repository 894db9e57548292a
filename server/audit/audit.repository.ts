import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditAction, AuditTargetType } from '../../shared/moderation.constants.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';

export interface AuditEntry {
  dialogueId: string | null;
  actorId: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log; nothing updates or deletes its rows. */
export async function recordAction(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('moderation_actions')
    .values({
      id: newId(),
      dialogue_id: entry.dialogueId,
      actor_id: entry.actorId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      reason: entry.reason ?? null,
      before_state: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_state: entry.after === undefined ? null : JSON.stringify(entry.after),
      created_at: nowIso(),
    })
    .execute();
}
