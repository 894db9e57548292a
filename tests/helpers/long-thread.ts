import { createDb } from '../../db/create-db.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { NewCommentRow } from '../../db/tables/comments.table.ts';
import type { NewUserRow } from '../../db/tables/users.table.ts';
import { AFFILIATIONS } from '../../shared/common.ts';
import { newId } from '../../server/lib/ids.ts';

// Long topics written straight into a SQLite database before a server starts on it: thousands of
// comments in a second, with sub-threads as a busy dialogue has them (a little over half the
// comments answer the question, the others a recent comment; a few sub-threads run long).

export const LONG_DIALOGUE_SLUG = 'long-threads';
/** In a topic of at least this many comments, comment `LINKED_SEQ` is the last of ten replies to comment `LINKED_SEQ - 10`. */
export const LINKED_SEQ = 1_500;

const COUNTRIES = ['ES', 'FR', 'MX', 'SN', 'PH', 'MA', 'CH', 'US', 'BR', 'IN', 'DE', 'NG', 'CO', 'TR', 'ID', 'KE'];
const AUTHORS = 120;

export interface SeededTopic {
  id: string;
  /** comment ids by seq: `ids[seq - 1]` */
  ids: string[];
  /** parent ids by seq (null for a comment that answers the question) */
  parents: (string | null)[];
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function bodyOf(seq: number, next: () => number): string[] {
  const paragraphs = [
    `Comment ${seq}: in our town, migrants opened shops and schools changed too; the market square speaks four languages now.`,
    'Remittances pay for school fees, and families expect more from local government, which is a social change, for better or worse.',
    'Our association counted the people who came to the advice desk last year: most asked about work permits, then about housing and schools for their children.',
    'I would add that return migration brings skills back: nurses who worked abroad train the younger ones in the district hospital.',
  ];
  const count = 1 + Math.floor(next() * 3);
  return Array.from({ length: count }, (_, i) => paragraphs[(seq + i) % paragraphs.length]!);
}

/**
 * Creates (migrating first) a SQLite database at `file` holding one open dialogue whose topics
 * have these many comments each, all published; returns the topics with their comment ids.
 */
export async function seedLongTopics(file: string, sizes: number[]): Promise<SeededTopic[]> {
  const database = createDb({ url: `sqlite:${file}` });
  await migrateToLatest(database.db);
  const { db } = database;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const created = iso(now);
  const users = Array.from({ length: AUTHORS }, (_, i): NewUserRow => ({
    id: newId(),
    email: `long-${i}@example.org`,
    password_hash: 'x',
    display_name: `Participant ${i + 1}`,
    country: COUNTRIES[i % COUNTRIES.length]!,
    organization: null,
    affiliation: AFFILIATIONS[i % AFFILIATIONS.length]!,
    language: 'en',
    quote_consent: 'anonymous',
    name_display: i % 5 === 0 ? 'country' : 'name',
    role: 'participant',
    created_at: created,
    updated_at: created,
    email_verified_at: created,
    time_zone: null,
    last_digest_at: null,
    deleted_at: null,
  }));
  await db.insertInto('users').values(users).execute();
  const dialogueId = newId();
  const opensAt = now - 20 * 86_400_000;
  await db
    .insertInto('dialogues')
    .values({
      id: dialogueId,
      slug: LONG_DIALOGUE_SLUG,
      title: 'Migration and social change: long threads',
      theme: 'Migration and Social Change',
      description: 'A dialogue with long threads.',
      opens_at: iso(opensAt),
      closes_at: iso(now + 20 * 86_400_000),
      time_zone: 'Europe/Zurich',
      moderation: 'post',
      languages: '["en","fr","es"]',
      host_description: 'the Online Community on Migration and Integration',
      annex_label: 'Annex II',
      annex_lead_in: 'In the weeks preceding the workshop',
      published: 1,
      edit_window_minutes: null,
      deleted_at: null,
      created_by: null,
      created_at: created,
      updated_at: created,
    })
    .execute();

  const seeded: SeededTopic[] = [];
  for (const [index, size] of sizes.entries()) {
    const topicId = newId();
    await db
      .insertInto('topics')
      .values({
        id: topicId,
        dialogue_id: dialogueId,
        number: index + 1,
        question: `How does migration change the towns people leave and the towns they reach? (${size} comments)`,
        description: '',
        locked: 0,
        last_seq: size,
        version: 1,
        created_at: created,
        updated_at: created,
      })
      .execute();
    const next = random(size + index);
    const ids = Array.from({ length: size }, () => newId());
    const parents: (string | null)[] = [];
    const topLevel: number[] = [];
    const rows: NewCommentRow[] = [];
    const step = Math.floor((now - opensAt - 86_400_000) / size);
    for (let seq = 1; seq <= size; seq++) {
      const linked = size >= LINKED_SEQ && seq > LINKED_SEQ - 10 && seq <= LINKED_SEQ;
      let parent: number | null = null;
      if (linked) parent = LINKED_SEQ - 10;
      else if (seq !== LINKED_SEQ - 10 && topLevel.length > 0 && next() < 0.45) {
        parent = topLevel[Math.max(0, topLevel.length - 1 - Math.floor(next() * Math.min(12, topLevel.length)))]!;
      }
      if (parent === null) topLevel.push(seq);
      parents.push(parent === null ? null : ids[parent - 1]!);
      const paragraphs = bodyOf(seq, next);
      const at = iso(opensAt + seq * step);
      rows.push({
        id: ids[seq - 1]!,
        topic_id: topicId,
        seq,
        change_seq: 1,
        parent_id: parent === null ? null : ids[parent - 1]!,
        reply_to_id: null,
        author_id: users[(seq * 7) % AUTHORS]!.id,
        body_markdown: paragraphs.join('\n\n'),
        body_html: paragraphs.map((text) => `<p>${text}</p>`).join('\n'),
        language: 'en',
        status: 'published',
        was_public: 1,
        held_reason: null,
        edit_note: null,
        client_key: null,
        created_at: at,
        edited_at: null,
        updated_at: at,
      });
    }
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('comments')
        .values(rows.slice(i, i + 200))
        .execute();
    seeded.push({ id: topicId, ids, parents });
  }
  await db.destroy();
  return seeded;
}
