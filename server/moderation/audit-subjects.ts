import type { AuditEntry, AuditPerson } from '../../shared/moderation.ts';
import { markdownToPlainText } from '../../shared/quote-text.ts';
import type { NameDisplay } from '../../shared/users.constants.ts';
import { auditSubjects } from './moderation.repository.ts';

// An audit entry names what it concerns by id; the log's readers need the comment's words and
// the participant's name instead. They are read with the page of entries, a query per kind.

type Db = Parameters<typeof auditSubjects>[0];
type BareEntry = Omit<AuditEntry, 'comment' | 'user' | 'topic' | 'practice'>;

export const AUDIT_EXCERPT_MAX = 80;

/** A comment's first words as plain text: at most AUDIT_EXCERPT_MAX characters, cut after a whole word where one ends late enough, with "…". */
export function auditExcerpt(markdown: string): string {
  const characters = [...markdownToPlainText(markdown).replace(/\s+/g, ' ').trim()];
  if (characters.length <= AUDIT_EXCERPT_MAX) return characters.join('');
  const cut = characters.slice(0, AUDIT_EXCERPT_MAX - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= AUDIT_EXCERPT_MAX / 2 ? atWord : cut).trimEnd()}…`;
}

/** The comment a quote's recorded state names (quote.create's after, quote.delete's before). */
function commentIdIn(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null || !('commentId' in state)) return undefined;
  return typeof state.commentId === 'string' ? state.commentId : undefined;
}

/**
 * The entries with what each concerns, where it still exists: the comment (for a decision, an
 * edit or a quote) with its author, the participant, the topic, the good practice. Moderators
 * read names as the thread shows them (none for someone shown as "participant from COUNTRY");
 * organizers, who manage the participants, every name.
 */
export async function withSubjects(db: Db, entries: BareEntry[], reader: { realNames: boolean }): Promise<AuditEntry[]> {
  const ids = { comments: [] as string[], users: [] as string[], topics: [] as string[], quotes: [] as string[], practices: [] as string[] };
  for (const entry of entries) {
    if (entry.targetType === 'comment') ids.comments.push(entry.targetId);
    else if (entry.targetType === 'user') ids.users.push(entry.targetId);
    else if (entry.targetType === 'topic' || entry.targetType === 'topic_summary') ids.topics.push(entry.targetId);
    else if (entry.targetType === 'practice') ids.practices.push(entry.targetId);
    else if (entry.targetType === 'quote') {
      ids.quotes.push(entry.targetId);
      const recorded = commentIdIn(entry.after) ?? commentIdIn(entry.before);
      if (recorded) ids.comments.push(recorded);
    }
  }
  if (Object.values(ids).every((list) => list.length === 0)) return entries;
  const found = await auditSubjects(db, ids);

  const person = (row: { display_name: string; name_display: NameDisplay; country: string }, id: string): AuditPerson => ({
    id,
    displayName: reader.realNames || row.name_display !== 'country' ? row.display_name : null,
    country: row.country,
  });
  const comments = new Map(
    found.comments.map((row) => [row.id, { id: row.id, topicId: row.topic_id, excerpt: auditExcerpt(row.body_markdown), author: person(row, row.author_id) }]),
  );
  const users = new Map(found.users.map((row) => [row.id, person(row, row.id)]));
  const topics = new Map(found.topics.map((row) => [row.id, { id: row.id, number: row.number, question: row.question }]));
  const quoteComments = new Map(found.quotes.map((row) => [row.id, row.comment_id]));
  const practices = new Map(found.practices.map((row) => [row.id, { id: row.id, title: row.title }]));

  return entries.map((entry) => {
    const commentId =
      entry.targetType === 'comment'
        ? entry.targetId
        : entry.targetType === 'quote'
          ? (quoteComments.get(entry.targetId) ?? commentIdIn(entry.after) ?? commentIdIn(entry.before))
          : undefined;
    const comment = commentId === undefined ? undefined : comments.get(commentId);
    const user = entry.targetType === 'user' ? users.get(entry.targetId) : undefined;
    const topic = entry.targetType === 'topic' || entry.targetType === 'topic_summary' ? topics.get(entry.targetId) : undefined;
    const practice = entry.targetType === 'practice' ? practices.get(entry.targetId) : undefined;
    return { ...entry, ...(comment ? { comment } : {}), ...(user ? { user } : {}), ...(topic ? { topic } : {}), ...(practice ? { practice } : {}) };
  });
}
