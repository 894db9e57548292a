import { reindexQuotesOfAuthor } from '../search/search-index.repository.ts';
import { emailNotificationsOf } from '../../shared/mail.constants.ts';
import type { LoginBody, ProfilePatch, RegisterBody, User } from '../../shared/users.ts';
import { isUniqueViolation } from '../../db/create-db.ts';
import type { UserRow, UserUpdate } from '../../db/tables/users.table.ts';
import { bumpTopicVersions, topicsOfAuthor } from '../comments/comments.repository.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { isValidTimeZone } from '../lib/calendar.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';
import { appointedDialogueIds } from '../moderation/moderators.repository.ts';
import { moderatedSlugs } from '../moderation/moderators.service.ts';
import { queueVerificationMail } from './email-verification.ts';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-throttle.ts';
import { hashPassword, verifyDecoy, verifyPassword } from './passwords.ts';
import { createSession, invalidateSession, validateSessionToken, type CreatedSession } from './sessions.ts';
import { deleteSessionsOfUser, findSession } from './sessions.repository.ts';
import { activeSuspensionEnd, findUserByEmail, findUserById, insertUser, updateUser } from './users.repository.ts';
import { assertCanWrite, type Viewer } from './viewer.ts';

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function toUserDto(row: UserRow, suspendedUntil: string | null): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    country: row.country,
    organization: row.organization,
    affiliation: row.affiliation,
    language: row.language,
    quoteConsent: row.quote_consent,
    nameDisplay: row.name_display,
    role: row.role,
    suspendedUntil,
    createdAt: row.created_at,
    emailVerified: row.email_verified_at !== null,
    emailNotifications: emailNotificationsOf(parseJson(row.email_prefs)),
    timeZone: row.time_zone,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export interface SignedIn {
  user: User;
  session: CreatedSession;
}

export async function register(ctx: Ctx, input: RegisterBody): Promise<SignedIn> {
  const now = nowIso();
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  const language = input.language ?? 'en';
  try {
    await ctx.write(async (trx) => {
      await insertUser(trx, {
        id,
        email,
        password_hash: passwordHash,
        display_name: input.displayName.trim(),
        country: input.country,
        organization: input.organization?.trim() || null,
        affiliation: input.affiliation ?? null,
        language,
        quote_consent: input.quoteConsent ?? 'anonymous',
        name_display: input.nameDisplay ?? 'name',
        role: 'participant',
        created_at: now,
        updated_at: now,
      });
      // The address is checked from the start: some dialogues ask for it before posting.
      await queueVerificationMail(ctx, trx, { id, email, language, email_prefs: '{}', deleted_at: null });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'email_taken', 'An account with this e-mail address already exists.');
    throw error;
  }
  const row = await findUserById(ctx.db, id);
  return { user: { ...toUserDto(row!, null), moderates: [] }, session: await createSession(ctx.db, id) };
}

const wrongPair = (): AppError => new AppError(401, 'invalid_credentials', 'The e-mail address or password is not right.');

export async function login(ctx: Ctx, input: LoginBody, ip: string): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  await assertLoginAllowed(ctx.db, email, ip);
  const row = await findUserByEmail(ctx.db, email);
  if (!row) {
    await verifyDecoy(input.password);
    await recordLoginFailure(ctx.db, email, ip);
    throw wrongPair();
  }
  if (!(await verifyPassword(row.password_hash, input.password))) {
    await recordLoginFailure(ctx.db, email, ip);
    throw wrongPair();
  }
  await clearLoginFailures(ctx.db, email, ip);
  const suspendedUntil = await activeSuspensionEnd(ctx.db, row.id, nowIso());
  const user = { ...toUserDto(row, suspendedUntil), moderates: await moderatedSlugs(ctx, row) };
  return { user, session: await createSession(ctx.db, row.id) };
}

/** Signs the viewer out: their session ends, and the sockets it opened become anonymous readers. */
export async function logout(ctx: Ctx, viewer: Viewer): Promise<void> {
  await invalidateSession(ctx.db, viewer.sessionId);
  ctx.realtime.sessionEnded(viewer.sessionId);
}

/** The signed-in user, with the dialogues whose moderation tools they may use. */
export async function currentUser(ctx: Ctx, viewer: Viewer): Promise<User> {
  const row = await findUserById(ctx.db, viewer.id);
  if (!row) throw new AppError(401, 'not_signed_in', 'Sign in to continue.');
  return { ...toUserDto(row, viewer.suspendedUntil), moderates: await moderatedSlugs(ctx, row) };
}

/** The profile fields every comment of the author shows. */
const SHOWN_IN_THREADS: readonly (keyof ProfilePatch)[] = ['displayName', 'country', 'affiliation', 'nameDisplay'];

export async function updateProfile(ctx: Ctx, viewer: Viewer, patch: ProfilePatch): Promise<User> {
  const row = await findUserById(ctx.db, viewer.id);
  if (!row) throw new AppError(401, 'not_signed_in', 'Sign in to continue.');
  // How a participant's comments are signed is part of what they wrote: a suspension freezes it too.
  const shownInThreads = SHOWN_IN_THREADS.some((field) => field in patch);
  if (shownInThreads) assertCanWrite(viewer);
  const changes: UserUpdate = { updated_at: nowIso() };
  if (patch.displayName !== undefined) changes.display_name = patch.displayName.trim();
  if (patch.country !== undefined) changes.country = patch.country;
  if (patch.organization !== undefined) changes.organization = patch.organization?.trim() || null;
  if (patch.affiliation !== undefined) changes.affiliation = patch.affiliation;
  if (patch.language !== undefined) changes.language = patch.language;
  if (patch.quoteConsent !== undefined) changes.quote_consent = patch.quoteConsent;
  if (patch.nameDisplay !== undefined) changes.name_display = patch.nameDisplay;
  if (patch.emailNotifications !== undefined) {
    changes.email_prefs = JSON.stringify({ ...emailNotificationsOf(parseJson(row.email_prefs)), ...patch.emailNotifications });
  }
  if (patch.timeZone !== undefined) {
    if (patch.timeZone !== null && !isValidTimeZone(patch.timeZone))
      throw new AppError(400, 'invalid_time_zone', 'timeZone must be an IANA time zone such as Europe/Zurich.');
    changes.time_zone = patch.timeZone;
  }
  if (patch.password !== undefined) {
    if (!patch.currentPassword || !(await verifyPassword(row.password_hash, patch.currentPassword))) {
      throw new AppError(403, 'wrong_password', 'To change your password, give your current password correctly.');
    }
    changes.password_hash = await hashPassword(patch.password);
    await deleteSessionsOfUser(ctx.db, viewer.id, viewer.sessionId);
  } else if (patch.currentPassword !== undefined) {
    throw new AppError(400, 'validation_failed', 'currentPassword is only used together with password.');
  }
  await ctx.write(async (trx) => {
    await updateUser(trx, viewer.id, changes);
    // Whether the public sees quotes of their words follows their consent and how they are named.
    if (patch.quoteConsent !== undefined || patch.nameDisplay !== undefined) await reindexQuotesOfAuthor(trx, viewer.id);
    if (shownInThreads) await bumpTopicVersions(trx, await topicsOfAuthor(trx, viewer.id));
  });
  // The other sessions are gone: so are their sockets, with whatever feeds they were getting.
  if (patch.password !== undefined) ctx.realtime.otherSessionsEnded(viewer.id, viewer.sessionId);
  return currentUser(ctx, viewer);
}

export interface LoadedViewer {
  viewer: Viewer;
  /** set when the session was just renewed, so the cookie must be sent again */
  renewedUntil: string | null;
  /** when the session ends unless renewed: sockets drop what it allowed then */
  expiresAt: string;
}

/** The viewer a session token stands for, read afresh (role, suspension, appointments); null for a token that opens no session. */
export async function loadViewer(ctx: Ctx, token: string | undefined): Promise<LoadedViewer | null> {
  if (!token) return null;
  const valid = await validateSessionToken(ctx.db, token);
  if (!valid) return null;
  const user = await findUserById(ctx.db, valid.session.user_id);
  if (!user) return null;
  const viewer: Viewer = {
    id: user.id,
    role: user.role,
    displayName: user.display_name,
    suspendedUntil: await activeSuspensionEnd(ctx.db, user.id, nowIso()),
    sessionId: valid.session.id,
    moderatedDialogueIds: user.role === 'moderator' ? await appointedDialogueIds(ctx.db, user.id) : [],
  };
  return { viewer, renewedUntil: valid.renewed ? valid.session.expires_at : null, expiresAt: valid.session.expires_at };
}

/** When a session ends, read without renewing it (an idle socket must not keep it alive); null once it has ended. */
export async function sessionExpiry(ctx: Ctx, sessionId: string): Promise<string | null> {
  const session = await findSession(ctx.db, sessionId);
  return session && Date.parse(session.expires_at) > Date.now() ? session.expires_at : null;
}

/** How a participant is named to others while writing: by name, or as "participant from COUNTRY" (null name). */
export async function shownAs(ctx: Ctx, userId: string): Promise<{ displayName: string | null; country: string } | null> {
  const user = await findUserById(ctx.db, userId);
  if (!user) return null;
  return { displayName: user.name_display === 'country' ? null : user.display_name, country: user.country };
}
