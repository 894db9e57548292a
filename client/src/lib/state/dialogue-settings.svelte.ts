import type { Dialogue, PatchDialogueBody } from '../../../../shared/dialogues.ts';
import type { ModerationSettings, StaffMember, UserMatch } from '../moderation-api.ts';
import { reportsToHoldFrom, wordsFromText } from '../moderation-settings.ts';
import { deleteDialogue, patchDialogue } from '../workspace-api.ts';
import { DialogueFields, type DialogueField } from './dialogue-fields.svelte.ts';
import { Request } from './request.svelte.ts';

export interface SettingsApi {
  dialogue: (slug: string) => Promise<Dialogue>;
  save: (slug: string, settings: ModerationSettings) => Promise<Dialogue>;
  words: (slug: string) => Promise<string[]>;
  saveWords: (slug: string, words: string[]) => Promise<string[]>;
  moderators: (slug: string) => Promise<StaffMember[]>;
  appoint: (slug: string, userId: string) => Promise<StaffMember[]>;
  remove: (slug: string, userId: string) => Promise<StaffMember[]>;
  search: (q: string) => Promise<UserMatch[]>;
}

/** The organizer's changes to the dialogue itself: its fields, its publication, its deletion. */
export interface DialogueAdminApi {
  patch: (slug: string, body: PatchDialogueBody) => Promise<Dialogue>;
  remove: (slug: string) => Promise<void>;
}

const DETAIL_FIELDS: readonly DialogueField[] = [
  'title',
  'slug',
  'theme',
  'description',
  'hostDescription',
  'annexLabel',
  'annexLeadIn',
  'timeZone',
  'opensAt',
  'closesAt',
  'languages',
  'editWindowMinutes',
];

export const SEARCH_MIN = 2;
export const SEARCH_DELAY_MS = 300;

/**
 * An organizer's settings for one dialogue: the dialogue's own fields, its publication, its
 * moderation policy and holding rules, its watched words, and who moderates it. Each part saves
 * on its own.
 */
export class DialogueSettings {
  dialogue: Dialogue | undefined = $state.raw();
  loadError: unknown = $state.raw();

  policy: Dialogue['moderation'] = $state('post');
  reportsToHold = $state('');
  holdFirstComment = $state(false);
  /** only participants with a confirmed e-mail address may post */
  requireVerifiedEmail = $state(false);
  reportsInvalid = $state(false);
  readonly settingsSave = new Request();

  wordsText = $state('');
  savedWords: string[] = $state.raw([]);
  readonly wordsSave = new Request();

  moderators: StaffMember[] | undefined = $state.raw();
  moderatorsError: unknown = $state.raw();
  /** the last appointment or removal, to announce */
  moderatorChange: { kind: 'appointed' | 'removed'; name: string } | null = $state.raw(null);
  moderatorError: unknown = $state.raw();
  busyUser: string | null = $state(null);

  query = $state('');
  results: UserMatch[] | null = $state.raw(null);
  searching = $state(false);
  searchError: unknown = $state.raw();

  /** the dialogue's own fields as the organizer edits them */
  readonly details = new DialogueFields('dialogue');
  detailsSaving = $state(false);
  /** what the last save of the fields did */
  detailsOutcome: 'saved' | 'unchanged' | null = $state(null);
  /** the dialogue is open and the save would move its window: asked before it is sent */
  confirmingWindow = $state(false);

  readonly publication = new Request();
  confirmingDelete = $state(false);
  readonly deletion = new Request();

  readonly slug: string;
  readonly #api: SettingsApi;
  readonly #admin: DialogueAdminApi;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #searchAttempt = 0;

  constructor(slug: string, api: SettingsApi, admin: DialogueAdminApi = { patch: patchDialogue, remove: deleteDialogue }) {
    this.slug = slug;
    this.#api = api;
    this.#admin = admin;
    void this.load();
    void this.loadModerators();
  }

  /** Whether the dialogue came with its holding rules (reports to hold, first comments): moderators' and organizers' view. */
  get hasHoldSettings(): boolean {
    return this.dialogue?.reportsToHold !== undefined;
  }

  load = async (): Promise<void> => {
    this.loadError = undefined;
    try {
      const [dialogue, words] = await Promise.all([this.#api.dialogue(this.slug), this.#api.words(this.slug)]);
      this.#adopt(dialogue);
      this.details.fill(dialogue);
      this.savedWords = words;
      this.wordsText = words.join('\n');
    } catch (error) {
      this.loadError = error;
    }
  };

  loadModerators = async (): Promise<void> => {
    this.moderatorsError = undefined;
    try {
      this.moderators = await this.#api.moderators(this.slug);
    } catch (error) {
      this.moderatorsError = error;
    }
  };

  async saveSettings(): Promise<void> {
    const reports = this.hasHoldSettings ? reportsToHoldFrom(this.reportsToHold) : null;
    this.reportsInvalid = this.hasHoldSettings && reports === null;
    if (this.reportsInvalid) {
      this.settingsSave.done = false;
      return;
    }
    // Sent when it changed: a dialogue read before the setting existed keeps its default.
    const verified = this.requireVerifiedEmail === (this.dialogue?.requireVerifiedEmail ?? false) ? {} : { requireVerifiedEmail: this.requireVerifiedEmail };
    const settings: ModerationSettings = {
      moderation: this.policy,
      ...verified,
      ...(this.hasHoldSettings ? { reportsToHold: reports!, holdFirstComment: this.holdFirstComment } : {}),
    };
    await this.settingsSave.run(async () => this.#adopt(await this.#api.save(this.slug, settings)));
  }

  /** Whether the dialogue can still be deleted: it never had a comment (organizers are told how many it had). */
  get canDelete(): boolean {
    return this.dialogue?.commentTotal === 0;
  }

  /**
   * Saves the fields that changed. Moving the window of an open dialogue waits for `confirmed`:
   * participants are writing. Resolves to the dialogue's new slug when it changed, else null.
   */
  async saveDetails(confirmed = false): Promise<string | null> {
    const dialogue = this.dialogue;
    if (!dialogue || this.detailsSaving) return null;
    this.detailsOutcome = null;
    if (!this.details.check(DETAIL_FIELDS)) {
      this.confirmingWindow = false;
      return null;
    }
    const changes = this.details.changesFrom(dialogue);
    if (Object.keys(changes).length === 0) {
      this.confirmingWindow = false;
      this.detailsOutcome = 'unchanged';
      return null;
    }
    if (dialogue.status === 'open' && this.details.windowChangedFrom(dialogue) && !confirmed) {
      this.confirmingWindow = true;
      return null;
    }
    this.confirmingWindow = false;
    this.detailsSaving = true;
    try {
      const saved = await this.#admin.patch(dialogue.slug, changes);
      // Only what this form changed: unsaved moderation settings stay as typed.
      this.dialogue = saved;
      this.details.fill(saved);
      this.detailsOutcome = 'saved';
      return saved.slug === dialogue.slug ? null : saved.slug;
    } catch (error) {
      this.details.fail(error);
      return null;
    } finally {
      this.detailsSaving = false;
    }
  }

  cancelWindowMove(): void {
    this.confirmingWindow = false;
  }

  /** Publishes the dialogue (everyone sees it) or takes it back to a draft (organizers only). */
  async setPublished(published: boolean): Promise<void> {
    const dialogue = this.dialogue;
    if (!dialogue) return;
    await this.publication.run(async () => {
      this.dialogue = await this.#admin.patch(dialogue.slug, { published });
    });
  }

  askDelete(): void {
    this.deletion.error = undefined;
    this.confirmingDelete = true;
  }

  cancelDelete(): void {
    this.confirmingDelete = false;
  }

  /** Deletes the dialogue; whether it is gone. */
  async deleteDialogue(): Promise<boolean> {
    const dialogue = this.dialogue;
    if (!dialogue) return false;
    await this.deletion.run(() => this.#admin.remove(dialogue.slug));
    this.confirmingDelete = false;
    return this.deletion.done;
  }

  async saveWords(): Promise<void> {
    await this.wordsSave.run(async () => {
      // The server keeps them normalized (lower case, sorted, without doubles): shown as kept.
      this.savedWords = await this.#api.saveWords(this.slug, wordsFromText(this.wordsText));
      this.wordsText = this.savedWords.join('\n');
    });
  }

  /** The search as typed: asked for after a pause, and only from SEARCH_MIN characters. */
  search(query: string): void {
    this.query = query;
    clearTimeout(this.#searchTimer);
    const attempt = ++this.#searchAttempt;
    if (query.trim().length < SEARCH_MIN) {
      this.results = null;
      this.searching = false;
      return;
    }
    this.searching = true;
    this.#searchTimer = setTimeout(() => void this.#search(query.trim(), attempt), SEARCH_DELAY_MS);
  }

  isModerator(userId: string): boolean {
    return this.moderators?.some((moderator) => moderator.id === userId) ?? false;
  }

  async appoint(user: UserMatch): Promise<void> {
    await this.#change(user.id, 'appointed', user.displayName, () => this.#api.appoint(this.slug, user.id));
  }

  async remove(moderator: StaffMember): Promise<void> {
    await this.#change(moderator.id, 'removed', moderator.displayName, () => this.#api.remove(this.slug, moderator.id));
  }

  stop(): void {
    clearTimeout(this.#searchTimer);
    this.#searchAttempt++;
  }

  async #change(userId: string, kind: 'appointed' | 'removed', name: string, request: () => Promise<StaffMember[]>): Promise<void> {
    if (this.busyUser !== null) return;
    this.busyUser = userId;
    this.moderatorError = undefined;
    try {
      this.moderators = await request();
      this.moderatorChange = { kind, name };
    } catch (error) {
      this.moderatorError = error;
    } finally {
      this.busyUser = null;
    }
  }

  async #search(query: string, attempt: number): Promise<void> {
    try {
      const results = await this.#api.search(query);
      if (attempt !== this.#searchAttempt) return;
      this.results = results;
      this.searchError = undefined;
    } catch (error) {
      if (attempt === this.#searchAttempt) this.searchError = error;
    } finally {
      if (attempt === this.#searchAttempt) this.searching = false;
    }
  }

  #adopt(dialogue: Dialogue): void {
    this.dialogue = dialogue;
    this.policy = dialogue.moderation;
    this.reportsToHold = dialogue.reportsToHold === undefined ? '' : String(dialogue.reportsToHold);
    this.holdFirstComment = dialogue.holdFirstComment ?? false;
    this.requireVerifiedEmail = dialogue.requireVerifiedEmail ?? false;
  }
}
