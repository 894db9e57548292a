import { hashPassword } from '../auth/passwords.ts';
import { findUserByEmail, hasOrganizer, insertUser, updateUser } from '../auth/users.repository.ts';
import type { Ctx } from '../context.ts';
import { newId, randomToken } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';

export const DEFAULT_ORGANIZER_EMAIL = 'organizer@example.org';

export interface OrganizerResult {
  email: string;
  /** set only when this call chose the password, so it can be shown once */
  generatedPassword: string | null;
  created: boolean;
}

/** Makes `email` an organizer: creates the account, or promotes an existing one. */
export async function createOrganizer(ctx: Ctx, email: string, password: string | null): Promise<OrganizerResult> {
  const existing = await findUserByEmail(ctx.db, email);
  const now = nowIso();
  if (existing) {
    await updateUser(ctx.db, existing.id, {
      role: 'organizer',
      updated_at: now,
      ...(password ? { password_hash: await hashPassword(password) } : {}),
    });
    return { email, generatedPassword: null, created: false };
  }
  const chosen = password ?? randomToken();
  await insertUser(ctx.db, {
    id: newId(),
    email,
    password_hash: await hashPassword(chosen),
    display_name: 'Organizer',
    country: 'CH',
    organization: null,
    affiliation: 'international_organization',
    language: 'en',
    quote_consent: 'none',
    name_display: 'name',
    role: 'organizer',
    created_at: now,
    updated_at: now,
  });
  return { email, generatedPassword: password ? null : chosen, created: true };
}

/** On first start: the organizer from ORGANIZER_EMAIL/ORGANIZER_PASSWORD, or one with a generated password. */
export async function ensureFirstOrganizer(ctx: Ctx): Promise<OrganizerResult | null> {
  if (await hasOrganizer(ctx.db)) return null;
  return createOrganizer(ctx, ctx.config.organizerEmail ?? DEFAULT_ORGANIZER_EMAIL, ctx.config.organizerPassword);
}
