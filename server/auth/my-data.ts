import type { MyData } from '../../shared/account.ts';
import { emailNotificationsOf } from '../../shared/mail.constants.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../lib/time.ts';
import { findUserById } from './users.repository.ts';
import type { Viewer } from './viewer.ts';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Everything stored about the signed-in user (the right of access): the account without its
 * password hash, every comment with its earlier versions, the reports they made, their
 * notifications, follows and read positions, the quotes of their words with the state of their
 * consent, the good practices they submitted (with their private contact), their suspensions,
 * appointments and the mail sent to them.
 */
export async function myData(ctx: Ctx, viewer: Viewer): Promise<MyData> {
  const db = ctx.db;
  const user = await findUserById(db, viewer.id);
  if (!user) throw new AppError(401, 'not_signed_in', 'Sign in to continue.');
  const id = user.id;
  const [comments, revisions, reports, notifications, follows, reads, quotes, practices, suspensions, moderates, mail] = await Promise.all([
    db
      .selectFrom('comments as c')
      .innerJoin('topics as t', 't.id', 'c.topic_id')
      .innerJoin('dialogues as d', 'd.id', 't.dialogue_id')
      .select([
        'c.id',
        'd.slug',
        'c.topic_id',
        't.question',
        'c.parent_id',
        'c.reply_to_id',
        'c.body_markdown',
        'c.language',
        'c.status',
        'c.edit_note',
        'c.created_at',
        'c.edited_at',
      ])
      .where('c.author_id', '=', id)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('comment_revisions as r')
      .innerJoin('comments as c', 'c.id', 'r.comment_id')
      .select(['r.comment_id', 'r.body_markdown', 'r.note', 'r.edited_by', 'r.created_at'])
      .where('c.author_id', '=', id)
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute(),
    db.selectFrom('reports').selectAll().where('reporter_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('notifications').selectAll().where('user_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('topic_follows as f')
      .innerJoin('topics as t', 't.id', 'f.topic_id')
      .select(['f.topic_id', 't.question', 'f.following', 'f.created_at'])
      .where('f.user_id', '=', id)
      .orderBy('f.created_at')
      .execute(),
    db.selectFrom('topic_reads').selectAll().where('user_id', '=', id).orderBy('updated_at').execute(),
    db
      .selectFrom('quotes as q')
      .innerJoin('comments as c', 'c.id', 'q.comment_id')
      .select(['q.id', 'q.comment_id', 'q.topic_id', 'q.excerpt', 'q.attribution', 'q.consent_withdrawn_at', 'q.consent_withdrawal_reason', 'q.created_at'])
      .where('c.author_id', '=', id)
      .orderBy('q.created_at')
      .execute(),
    db
      .selectFrom('practices as p')
      .leftJoin('dialogues as d', 'd.id', 'p.dialogue_id')
      .selectAll('p')
      .select('d.slug')
      .where('p.submitted_by', '=', id)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute(),
    db.selectFrom('suspensions').select(['until', 'reason', 'created_at', 'lifted_at']).where('user_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('dialogue_moderators as m')
      .innerJoin('dialogues as d', 'd.id', 'm.dialogue_id')
      .select('d.slug')
      .where('m.user_id', '=', id)
      .orderBy('d.slug')
      .execute(),
    db.selectFrom('mail_outbox').select(['kind', 'subject', 'status', 'created_at', 'sent_at']).where('user_id', '=', id).orderBy('created_at').execute(),
  ]);

  const revisionsOf = new Map<string, MyData['comments'][number]['revisions']>();
  for (const r of revisions) {
    const list = revisionsOf.get(r.comment_id) ?? [];
    list.push({ body: r.body_markdown, note: r.note, byModerator: r.edited_by !== id, createdAt: r.created_at });
    revisionsOf.set(r.comment_id, list);
  }

  return {
    exportedAt: nowIso(),
    profile: {
      id,
      email: user.email,
      emailVerifiedAt: user.email_verified_at,
      displayName: user.display_name,
      country: user.country,
      organization: user.organization,
      affiliation: user.affiliation,
      language: user.language,
      quoteConsent: user.quote_consent,
      nameDisplay: user.name_display,
      role: user.role,
      emailNotifications: emailNotificationsOf(parseJson(user.email_prefs)),
      timeZone: user.time_zone,
      lastDigestAt: user.last_digest_at,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
    },
    comments: comments.map((c) => ({
      id: c.id,
      dialogue: c.slug,
      topicId: c.topic_id,
      topic: c.question,
      parentId: c.parent_id,
      replyToId: c.reply_to_id,
      body: c.body_markdown,
      language: c.language,
      status: c.status,
      editNote: c.edit_note,
      createdAt: c.created_at,
      editedAt: c.edited_at,
      revisions: revisionsOf.get(c.id) ?? [],
    })),
    reports: reports.map((r) => ({
      id: r.id,
      commentId: r.comment_id,
      reason: r.reason,
      details: r.details,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
    })),
    notifications: notifications.map((n) => ({
      id: n.id,
      kind: n.kind,
      message: n.message,
      commentId: n.comment_id,
      topicId: n.topic_id,
      quoteId: n.quote_id,
      createdAt: n.created_at,
      readAt: n.read_at,
    })),
    follows: follows.map((f) => ({ topicId: f.topic_id, topic: f.question, following: Number(f.following) === 1, createdAt: f.created_at })),
    readPositions: reads.map((r) => ({ topicId: r.topic_id, lastSeq: Number(r.last_seq), updatedAt: r.updated_at })),
    quotes: quotes.map((q) => ({
      id: q.id,
      commentId: q.comment_id,
      topicId: q.topic_id,
      excerpt: q.excerpt,
      attribution: q.attribution,
      consentWithdrawn: q.consent_withdrawn_at !== null,
      consentWithdrawnAt: q.consent_withdrawn_at,
      consentWithdrawalReason: q.consent_withdrawal_reason,
      createdAt: q.created_at,
    })),
    practices: practices.map((p) => ({
      id: p.id,
      title: p.title,
      organization: p.organization,
      countries: JSON.parse(p.countries) as string[],
      continent: p.continent as MyData['practices'][number]['continent'],
      themes: JSON.parse(p.themes) as string[],
      description: p.description,
      link: p.link,
      contact: p.contact,
      language: p.language,
      dialogue: p.slug,
      sourceCommentId: p.source_comment_id,
      status: p.status,
      returnReason: p.return_reason,
      createdAt: p.created_at,
      updatedAt: p.updated_at || p.created_at,
      publishedAt: p.published_at,
    })),
    suspensions: suspensions.map((s) => ({ until: s.until, reason: s.reason, createdAt: s.created_at, liftedAt: s.lifted_at })),
    moderates: moderates.map((m) => m.slug),
    mail: mail.map((m) => ({ kind: m.kind, subject: m.subject, status: m.status, createdAt: m.created_at, sentAt: m.sent_at })),
  };
}

/** The attachment's name: the day of the export, in UTC. */
export const myDataFilename = (exportedAt: string): string => `my-data-${exportedAt.slice(0, 10)}.json`;
