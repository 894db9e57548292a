import type { CopyDialogueBody, CreateDialogueBody, Dialogue, DialogueSummary } from '../../../../shared/dialogues.ts';
import { slugFrom } from '../dialogue-slug.ts';
import type { DialoguePage } from '../workspace-api.ts';
import { addYears, wallTime } from '../zoned-time.ts';
import { DialogueFields, type DialogueField } from './dialogue-fields.svelte.ts';

/** Every dialogue an organizer sees, drafts included, a page at a time. */
export class WorkspaceList {
  items: DialogueSummary[] = $state.raw([]);
  nextCursor: string | null = $state(null);
  /** the first page came */
  loaded = $state(false);
  loading = $state(false);
  error: unknown = $state.raw();
  readonly #list: (after?: string) => Promise<DialoguePage>;

  constructor(list: (after?: string) => Promise<DialoguePage>) {
    this.#list = list;
    void this.load();
  }

  load = async (): Promise<void> => {
    this.loaded = false;
    this.items = [];
    this.nextCursor = null;
    await this.#page();
  };

  more = async (): Promise<void> => {
    if (this.nextCursor !== null) await this.#page(this.nextCursor);
  };

  async #page(after?: string): Promise<void> {
    if (this.loading) return;
    this.loading = true;
    this.error = undefined;
    try {
      const page = await this.#list(after);
      const known = this.items.map((item) => item.id);
      this.items = [...this.items, ...page.items.filter((item) => !known.includes(item.id))];
      this.nextCursor = page.nextCursor;
      this.loaded = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }
}

export interface NewDialogueApi {
  dialogue: (slug: string) => Promise<Dialogue>;
  create: (body: CreateDialogueBody) => Promise<Dialogue>;
  copy: (slug: string, body: CopyDialogueBody) => Promise<Dialogue>;
}

const NEW_FIELDS: readonly DialogueField[] = ['title', 'slug', 'theme', 'description', 'timeZone', 'opensAt', 'closesAt', 'languages'];
const COPY_FIELDS: readonly DialogueField[] = ['title', 'slug', 'opensAt', 'closesAt'];

/**
 * A new dialogue, or with `from` a copy of that one: the copy takes the source's time zone,
 * and starts with its title marked as a copy and its window a year on. Either is created
 * unpublished. The slug follows the title until the organizer writes one of their own.
 */
export class NewDialogue {
  readonly fields = new DialogueFields('new');
  readonly from: string | undefined;
  /** the dialogue copied, once read */
  source: Dialogue | undefined = $state.raw();
  loadError: unknown = $state.raw();
  submitting = $state(false);
  #slugWritten = false;
  readonly #api: NewDialogueApi;
  readonly #copyTitle: (title: string) => string;

  constructor(options: { api: NewDialogueApi; from?: string; timeZone: string; copyTitle: (title: string) => string }) {
    this.#api = options.api;
    this.from = options.from;
    this.#copyTitle = options.copyTitle;
    this.fields.timeZone = options.timeZone;
    this.fields.languages = ['en'];
    if (this.from !== undefined) void this.load();
  }

  get copying(): boolean {
    return this.from !== undefined;
  }

  load = async (): Promise<void> => {
    if (this.from === undefined) return;
    this.loadError = undefined;
    try {
      const source = await this.#api.dialogue(this.from);
      this.fields.fill(source);
      this.setTitle(this.#copyTitle(source.title));
      this.fields.opens = addYears(wallTime(source.opensAt, source.timeZone), 1) ?? '';
      this.fields.closes = addYears(wallTime(source.closesAt, source.timeZone), 1) ?? '';
      this.source = source;
    } catch (error) {
      this.loadError = error;
    }
  };

  setTitle(title: string): void {
    this.fields.title = title;
    if (!this.#slugWritten) this.fields.slug = slugFrom(title);
  }

  /** The organizer's own slug; emptied, it follows the title again. */
  setSlug(slug: string): void {
    this.fields.slug = slug;
    this.#slugWritten = slug !== '';
  }

  /** Creates the dialogue (or the copy) when the fields pass the server's rules; the new dialogue, or null. */
  async submit(): Promise<Dialogue | null> {
    if (this.submitting || (this.copying && this.source === undefined)) return null;
    const { fields } = this;
    if (!fields.check(this.copying ? COPY_FIELDS : NEW_FIELDS)) return null;
    const window = { opensAt: fields.opensAt!, closesAt: fields.closesAt! };
    const named = { slug: fields.slug.trim(), title: fields.title.trim() };
    this.submitting = true;
    try {
      if (this.copying) return await this.#api.copy(this.from!, { ...named, ...window });
      return await this.#api.create({
        ...named,
        ...window,
        theme: fields.theme.trim(),
        description: fields.description,
        timeZone: fields.timeZone,
        languages: [...fields.languages],
        moderation: fields.moderation,
        published: false,
      });
    } catch (error) {
      fields.fail(error);
      return null;
    } finally {
      this.submitting = false;
    }
  }
}

/** What the next screen says about what was just done on another one (a dialogue created, copied, deleted, moved). */
export interface WorkspaceNotice {
  kind: 'created' | 'copied' | 'deleted' | 'moved';
  /** the dialogue's title, or its new slug when it moved */
  name: string;
}

/** Carries one notice from the screen that acted to the one it leads to. */
class NoticeCarrier {
  #notice: WorkspaceNotice | null = null;

  put(notice: WorkspaceNotice): void {
    this.#notice = notice;
  }

  /** The notice, once: a later visit to the screen says nothing. */
  take(): WorkspaceNotice | null {
    const notice = this.#notice;
    this.#notice = null;
    return notice;
  }
}

export const workspaceNotice = new NoticeCarrier();
