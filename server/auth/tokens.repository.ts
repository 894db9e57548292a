import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuthTokensTable } from '../../db/tables/mail.table.ts';
import type { TokenPurpose } from '../../shared/mail.constants.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export async function insertAuthToken(db: Executor, row: AuthTokensTable): Promise<void> {
  await db.insertInto('auth_tokens').values(row).execute();
}

/** The token with this hash and purpose, while it is unused and unexpired. */
export async function findLiveToken(db: Executor, tokenHash: string, purpose: TokenPurpose, now: string): Promise<AuthTokensTable | undefined> {
  return db
    .selectFrom('auth_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/**
 * Marks the token used, only if it still is unused and unexpired: of two requests with the same
 * token, exactly one gets the row back (an UPDATE … WHERE used_at IS NULL on both databases).
 */
export async function consumeToken(trx: Transaction<Database>, tokenHash: string, purpose: TokenPurpose, now: string): Promise<AuthTokensTable | undefined> {
  return trx
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
}

/** Drops the user's unused tokens of this purpose: a newer link replaces the older ones. */
export async function deleteUnusedTokens(db: Executor, userId: string, purpose: TokenPurpose): Promise<void> {
  await db.deleteFrom('auth_tokens').where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

export async function deleteTokensOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('auth_tokens').where('user_id', '=', userId).execute();
}
