import type { Language } from '../../shared/common.constants.ts';
import { emailNotificationsOf, type DigestFrequency } from '../../shared/mail.constants.ts';
import type { Ctx } from '../context.ts';
import { isValidTimeZone } from '../lib/calendar.ts';
import { commentLink, topicQuestionIn } from '../lib/mail-links.ts';
import { openingWords, shownAuthorName } from '../notifications/notice-texts.ts';
import type { DigestTopic } from './mail.model.ts';
import { queueMail } from './queue.ts';

// The digest of followed topics: once a day, or once a week on Mondays, from 08:00 in the
// reader's time zone, what others published in the topics they follow since their last digest.
// A period's digest has a dedupe key of its own and the reader's last_digest_at moves in the same
// transaction, only if no other run moved it first, so two nodes running this at once send one.

/** The local hour from which a digest may go out. */
export const DIGEST_HOUR = 8;
/** The comments each topic of a digest shows; the others are counted. */
const SHOWN_PER_TOPIC = 3;
const DIGEST_EXCERPT_MAX = 140;

const FORMER_PARTICIPANT: Record<Language, string> = { en: 'former participant', fr: 'ancien(ne) participant(e)', es: 'antiguo/a participante' };

interface LocalTime {
  /** YYYY-MM-DD */
  day: string;
  hour: number;
  monday: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day, hour and weekday of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) % 24, monday: part('weekday') === 'Mon' };
}

/** The ISO 8601 week of a calendar day: `2027-W09`. */
export function isoWeek(day: string): string {
  const date = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(date).getUTCDay() + 6) % 7;
  // The week belongs to the year of its Thursday.
  const thursday = new Date(date + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a digest covers, named as its dedupe key names it: the local day, or the ISO week. */
const periodOf = (instant: Date, timeZone: string, frequency: 'daily' | 'weekly'): string => {
  const { day } = localTime(instant, timeZone);
  return frequency === 'daily' ? day : isoWeek(day);
};

function storedPrefs(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

interface Reader {
  id: string;
  email: string;
  language: Language;
  email_prefs: string;
  deleted_at: string | null;
  time_zone: string | null;
  last_digest_at: string | null;
}

/** The period whose digest is due for the reader now, or null: digest off, before 08:00 local, not Monday for a weekly one, or sent already. */
export function duePeriod(
  reader: Pick<Reader, 'email_prefs' | 'time_zone' | 'last_digest_at'>,
  now: Date,
): { frequency: 'daily' | 'weekly'; period: string } | null {
  const frequency: DigestFrequency = emailNotificationsOf(storedPrefs(reader.email_prefs)).digest;
  if (frequency === 'off') return null;
  const timeZone = reader.time_zone && isValidTimeZone(reader.time_zone) ? reader.time_zone : 'UTC';
  const local = localTime(now, timeZone);
  if (local.hour < DIGEST_HOUR || (frequency === 'weekly' && !local.monday)) return null;
  const period = frequency === 'daily' ? local.day : isoWeek(local.day);
  if (reader.last_digest_at !== null) {
    const last = new Date(reader.last_digest_at);
    if (last.getTime() >= now.getTime() || periodOf(last, timeZone, frequency) === period) return null;
  }
  return { frequency, period };
}

/** What others published in the reader's followed topics after their last digest (or after they followed), up to `until`. */
async function digestTopics(ctx: Ctx, reader: Reader, until: string): Promise<DigestTopic[]> {
  const follows = await ctx.db
    .selectFrom('topic_follows as f')
    .innerJoin('topics as t', 't.id', 'f.topic_id')
    .innerJoin('dialogues as d', 'd.id', 't.dialogue_id')
    .select(['t.id', 't.question', 't.translations', 'f.created_at as followed_at'])
    .where('f.user_id', '=', reader.id)
    .where('f.following', '=', 1)
    .where('d.published', '=', 1)
    .orderBy('d.opens_at')
    .orderBy('t.number')
    .execute();
  const topics: DigestTopic[] = [];
  for (const topic of follows) {
    const since = reader.last_digest_at !== null && reader.last_digest_at > topic.followed_at ? reader.last_digest_at : topic.followed_at;
    const news = ctx.db
      .selectFrom('comments as c')
      .where('c.topic_id', '=', topic.id)
      .where('c.status', '=', 'published')
      .where('c.author_id', '!=', reader.id)
      .where('c.created_at', '>', since)
      .where('c.created_at', '<=', until);
    const counted = await news.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const count = Number(counted.n);
    if (count === 0) continue;
    const first = await news
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.body_markdown', 'u.display_name', 'u.name_display', 'u.country', 'u.deleted_at'])
      .orderBy('c.seq')
      .limit(SHOWN_PER_TOPIC)
      .execute();
    topics.push({
      question: topicQuestionIn(topic, reader.language),
      link: commentLink(ctx.config.publicOrigin, topic.id, first[0]!.id),
      newComments: count,
      comments: first.map((comment) => ({
        author: comment.deleted_at === null ? shownAuthorName(comment, reader.language) : FORMER_PARTICIPANT[reader.language],
        excerpt: openingWords(comment.body_markdown, DIGEST_EXCERPT_MAX),
      })),
    });
  }
  return topics;
}

/**
 * Queues the digests due at `now` (the worker calls it every so often; tests pass the times they
 * need): one per reader and period at most, only when their followed topics have news. Returns
 * how many were queued.
 */
export async function runDueDigests(ctx: Ctx, now: Date): Promise<number> {
  const until = now.toISOString();
  const readers = await ctx.db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.language', 'u.email_prefs', 'u.deleted_at', 'u.time_zone', 'u.last_digest_at'])
    .where('u.deleted_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('topic_follows as f').select('f.user_id').whereRef('f.user_id', '=', 'u.id').where('f.following', '=', 1)))
    .execute();
  let queued = 0;
  for (const reader of readers) {
    const due = duePeriod(reader, now);
    if (!due) continue;
    const topics = await digestTopics(ctx, reader, until);
    const sent = await ctx.write(async (trx) => {
      // This period is done, with or without news, unless another run got here first.
      const claimed = await trx
        .updateTable('users')
        .set({ last_digest_at: until })
        .where('id', '=', reader.id)
        .where((eb) => (reader.last_digest_at === null ? eb('last_digest_at', 'is', null) : eb('last_digest_at', '=', reader.last_digest_at)))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0 || topics.length === 0) return false;
      return queueMail(ctx, trx, reader, 'digest', { period: due.frequency, topics }, { dedupeKey: `digest:${reader.id}:${due.period}` });
    });
    if (sent) queued += 1;
  }
  return queued;
}

/** How often the worker's loop looks for digests that are due: their hour is a local 08:00, a minute late is fine. */
const DIGEST_CHECK_MS = 60_000;

/** The digests as one of the mail worker's periodic tasks (`tasks: [digestTask(ctx)]`), looked for once a minute. */
export function digestTask(ctx: Ctx): (now: Date) => Promise<void> {
  let checkedAt = -Infinity;
  return async (now) => {
    if (now.getTime() - checkedAt < DIGEST_CHECK_MS) return;
    checkedAt = now.getTime();
    await runDueDigests(ctx, now);
  };
}
