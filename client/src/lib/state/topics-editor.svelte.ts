import { TEXT_LIMITS } from '../../../../shared/dialogues.constants.ts';
import type { CreateTopicBody, PatchTopicBody, Topic } from '../../../../shared/dialogues.ts';
import { ApiError } from '../api.ts';
import { characterCount, MarkdownDraft } from './markdown-draft.svelte.ts';

export const QUESTION_MAX = TEXT_LIMITS.question;
export const TOPIC_DESCRIPTION_MAX = TEXT_LIMITS.topicDescription;

/** What the topics screen says aloud after a change went through, in the organizer's language. */
export type TopicsNews =
  /** `number` is the topic's number before it moved */
  { kind: 'moved'; number: number; position: number } | { kind: 'added' | 'saved' | 'locked' | 'unlocked' | 'deleted'; number: number };

/** A change to one topic the server refused, shown at that topic. */
export interface TopicFailure {
  topicId: string;
  action: 'move' | 'lock' | 'delete';
  error: unknown;
}

export interface TopicsEditorOptions {
  /** the dialogue's topics as its page loaded them */
  topics: readonly Topic[];
  /** the dialogue's topics as the server has them now */
  load: () => Promise<Topic[]>;
  create: (body: CreateTopicBody) => Promise<Topic>;
  patch: (topicId: string, body: PatchTopicBody) => Promise<Topic>;
  remove: (topicId: string) => Promise<void>;
  /** every topic's id once, in the new order; answers the topics renumbered */
  order: (topicIds: string[]) => Promise<Topic[]>;
  /** renders Markdown to sanitized HTML, as the server renders comments and topic descriptions */
  render: (markdown: string) => Promise<string>;
  announce: (news: TopicsNews) => void;
}

const byNumber = (topics: readonly Topic[]): Topic[] => [...topics].sort((a, b) => a.number - b.number);

/** Topics in a new order: `topicId` moved to the 1-based `position`, the others closing up, numbered 1…n as the server will. */
export function reorderTopics(topics: readonly Topic[], topicId: string, position: number): Topic[] {
  const moving = topics.find((topic) => topic.id === topicId);
  if (!moving) return [...topics];
  const others = topics.filter((topic) => topic.id !== topicId);
  others.splice(Math.max(0, Math.min(position, topics.length) - 1), 0, moving);
  return others.map((topic, i) => (topic.number === i + 1 ? topic : { ...topic, number: i + 1 }));
}

/**
 * Where a dragged topic lands: dropped before or after the topic at `index` of the list it was
 * lifted from at `from`; the 1-based position among the topics once it is put back.
 */
export function dropPosition(from: number, index: number, after: boolean): number {
  let target = index + (after ? 1 : 0);
  if (from < target) target -= 1;
  return target + 1;
}

/** A topic's question and Markdown description being written, new or reworded, with the description's preview. */
export class TopicDraft {
  question = $state('');
  readonly description: MarkdownDraft;
  /** set by `check`: what keeps the draft from being saved */
  questionProblem: 'required' | 'tooLong' | null = $state(null);
  saving = $state(false);
  error: unknown = $state.raw();
  /** counts the refused attempts, so that each one moves the focus to what to correct */
  attempts = $state(0);

  questionLength = $derived(characterCount(this.question));

  constructor(render: (markdown: string) => Promise<string>, question = '', description = '') {
    this.question = question;
    this.description = new MarkdownDraft(render, description);
  }

  get descriptionTooLong(): boolean {
    return this.description.length > TOPIC_DESCRIPTION_MAX;
  }

  writeQuestion(question: string): void {
    this.question = question;
    if (this.questionProblem !== null) this.questionProblem = this.#questionProblem();
  }

  /** Whether the draft can be sent; marks what to correct otherwise. */
  check(): boolean {
    this.questionProblem = this.#questionProblem();
    const ok = this.questionProblem === null && !this.descriptionTooLong;
    if (!ok) this.attempts++;
    return ok;
  }

  /** The question and description as the API takes them. */
  get texts(): { question: string; description: string } {
    return { question: this.question.trim(), description: this.description.body.trim() };
  }

  /** Runs a save of this draft: what the server answered, or null when it was not sent or refused. */
  async send<T>(request: (texts: { question: string; description: string }) => Promise<T>): Promise<T | null> {
    if (this.saving || !this.check()) return null;
    this.saving = true;
    this.error = undefined;
    try {
      return await request(this.texts);
    } catch (error) {
      this.error = error;
      this.attempts++;
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Empties the draft, for the next topic. */
  clear(): void {
    this.question = '';
    this.description.write('');
    this.questionProblem = null;
    this.error = undefined;
  }

  dispose(): void {
    this.description.dispose();
  }

  #questionProblem(): 'required' | 'tooLong' | null {
    if (this.question.trim() === '') return 'required';
    return this.questionLength > QUESTION_MAX ? 'tooLong' : null;
  }
}

/**
 * A dialogue's topics as an organizer arranges them: add, reword and describe, lock and unlock,
 * delete one that has no comment, and reorder. A new order shows at once and is sent whole; the
 * list then shows the server's numbering, or goes back to the order before if it was refused.
 * One reorder runs at a time: a move asked for meanwhile is not taken.
 */
export class TopicsEditor {
  topics: Topic[] = $state.raw([]);
  failure: TopicFailure | null = $state.raw(null);
  /** topics with a lock, an unlock or a deletion on its way */
  busy: readonly string[] = $state.raw([]);
  /** a new order on its way to the server */
  ordering = $state(false);
  /** the topic whose deletion waits for confirmation */
  confirmingDelete: string | null = $state(null);
  /** the topic being reworded, and its draft */
  editing: { topicId: string; draft: TopicDraft } | null = $state.raw(null);
  /** the form that adds a topic at the end */
  readonly adding: TopicDraft;

  readonly #options: TopicsEditorOptions;

  constructor(options: TopicsEditorOptions) {
    this.#options = options;
    this.topics = byNumber(options.topics);
    this.adding = new TopicDraft(options.render);
  }

  /** Only a topic without published comments may be asked to go; the server also refuses one with comments in any other status. */
  canDelete(topic: Topic): boolean {
    return topic.commentCount === 0;
  }

  /** Reads the topics again; on failure what is shown stays. */
  async reload(): Promise<void> {
    try {
      this.topics = byNumber(await this.#options.load());
    } catch {
      // The list shown is the last one the server confirmed; the next change will say if it moved on.
    }
  }

  /** Moves a topic to a 1-based position. Whether the server took the new order. */
  async move(topicId: string, position: number): Promise<boolean> {
    if (this.ordering) return false;
    const from = this.topics.findIndex((topic) => topic.id === topicId);
    const target = Math.max(1, Math.min(position, this.topics.length));
    if (from < 0 || target === from + 1) return false;
    const before = this.topics;
    const moving = before[from]!;
    this.failure = null;
    this.confirmingDelete = null;
    this.ordering = true;
    this.topics = reorderTopics(before, topicId, target);
    try {
      this.topics = byNumber(await this.#options.order(this.topics.map((topic) => topic.id)));
      this.#options.announce({ kind: 'moved', number: moving.number, position: target });
      return true;
    } catch (error) {
      // Back to the order before, keeping what else changed meanwhile (a lock) on each topic.
      const current = this.topics;
      this.topics = before.map((topic) => ({ ...(current.find((entry) => entry.id === topic.id) ?? topic), number: topic.number }));
      this.failure = { topicId, action: 'move', error };
      // Someone added or removed a topic meanwhile: the list is read again, to be ordered anew.
      if (error instanceof ApiError && error.code === 'invalid_topic_order') await this.reload();
      return false;
    } finally {
      this.ordering = false;
    }
  }

  /** One place up (-1) or down (+1). */
  moveBy(topicId: string, delta: -1 | 1): Promise<boolean> {
    const index = this.topics.findIndex((topic) => topic.id === topicId);
    return index < 0 ? Promise.resolve(false) : this.move(topicId, index + 1 + delta);
  }

  async setLocked(topicId: string, locked: boolean): Promise<boolean> {
    const saved = await this.#write(topicId, 'lock', () => this.#options.patch(topicId, { locked }));
    if (!saved) return false;
    this.#replace(saved);
    this.#options.announce({ kind: locked ? 'locked' : 'unlocked', number: saved.number });
    return true;
  }

  startEdit(topicId: string): void {
    const topic = this.topics.find((entry) => entry.id === topicId);
    if (!topic) return;
    this.editing?.draft.dispose();
    this.confirmingDelete = null;
    this.editing = { topicId, draft: new TopicDraft(this.#options.render, topic.question, topic.description) };
  }

  cancelEdit(): void {
    this.editing?.draft.dispose();
    this.editing = null;
  }

  /** Saves the question and description being reworded. Whether they were saved. */
  async saveEdit(): Promise<boolean> {
    const editing = this.editing;
    if (!editing) return false;
    const { topicId, draft } = editing;
    const saved = await draft.send((texts) => this.#options.patch(topicId, texts));
    if (!saved) return false;
    this.#replace(saved);
    if (this.editing === editing) this.cancelEdit();
    this.#options.announce({ kind: 'saved', number: this.topics.find((topic) => topic.id === topicId)?.number ?? saved.number });
    return true;
  }

  askDelete(topicId: string): void {
    this.confirmingDelete = topicId;
    this.failure = null;
  }

  cancelDelete(): void {
    this.confirmingDelete = null;
  }

  /** Deletes a topic without comments. Whether it is gone. */
  async remove(topicId: string): Promise<boolean> {
    this.confirmingDelete = null;
    const topic = this.topics.find((entry) => entry.id === topicId);
    if (!topic || !this.canDelete(topic)) return false;
    const done = await this.#write(topicId, 'delete', async () => {
      await this.#options.remove(topicId);
      return true;
    });
    if (!done) return false;
    if (this.editing?.topicId === topicId) this.cancelEdit();
    this.topics = this.topics.filter((entry) => entry.id !== topicId);
    this.#options.announce({ kind: 'deleted', number: topic.number });
    // The others keep or change their numbers as the server decides: read them again.
    await this.reload();
    return true;
  }

  /** Adds the topic written in the form at the end. The topic, once added. */
  async add(): Promise<Topic | null> {
    const draft = this.adding;
    const topic = await draft.send(({ question, description }) => this.#options.create(description === '' ? { question } : { question, description }));
    if (!topic) return null;
    this.topics = byNumber([...this.topics.filter((entry) => entry.id !== topic.id), topic]);
    draft.clear();
    this.#options.announce({ kind: 'added', number: topic.number });
    return topic;
  }

  dispose(): void {
    this.adding.dispose();
    this.editing?.draft.dispose();
  }

  async #write<T>(topicId: string, action: TopicFailure['action'], request: () => Promise<T>): Promise<T | null> {
    if (this.busy.includes(topicId)) return null;
    this.failure = null;
    this.busy = [...this.busy, topicId];
    try {
      return await request();
    } catch (error) {
      this.failure = { topicId, action, error };
      return null;
    } finally {
      this.busy = this.busy.filter((id) => id !== topicId);
    }
  }

  /** A topic as the server answered it, in its place in the list shown (and with its number there while a new order is on its way). */
  #replace(saved: Topic): void {
    this.topics = this.topics.map((topic) => (topic.id === saved.id ? { ...saved, number: this.ordering ? topic.number : saved.number } : topic));
  }
}
