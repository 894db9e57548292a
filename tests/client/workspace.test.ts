import { describe, expect, it } from 'vitest';
import type { CopyDialogueBody, CreateDialogueBody, Dialogue, DialogueSummary, PatchDialogueBody } from '../../shared/dialogues.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { isSlug, slugFrom } from '../../client/src/lib/dialogue-slug.ts';
import { DialogueFields } from '../../client/src/lib/state/dialogue-fields.svelte.ts';
import { DialogueSettings, type SettingsApi } from '../../client/src/lib/state/dialogue-settings.svelte.ts';
import { NewDialogue, WorkspaceList, workspaceNotice } from '../../client/src/lib/state/workspace.svelte.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function dialogue(extra: Partial<Dialogue> = {}): Dialogue {
  return {
    id: 'd1',
    slug: 'idm-2010',
    title: 'IDM 2010',
    theme: 'Migration and social change',
    description: 'Four topics.',
    opensAt: '2010-07-12T07:00:00.000Z',
    closesAt: '2010-07-25T16:00:00.000Z',
    timeZone: 'Europe/Zurich',
    moderation: 'post',
    languages: ['en', 'fr', 'es'],
    hostDescription: 'the Online Community',
    annexLabel: 'Annex II',
    annexLeadIn: '',
    translations: {},
    published: true,
    status: 'closed',
    createdAt: '2010-07-01T00:00:00.000Z',
    editWindowMinutes: 30,
    wallEnabled: true,
    requireVerifiedEmail: false,
    practiceThemes: [],
    quoteAttribution: 'none',
    commentTotal: 0,
    reportsToHold: 3,
    holdFirstComment: false,
    topics: [],
    ...extra,
  };
}

describe('slugFrom, the address suggested from a title', () => {
  it('keeps lowercase ASCII letters and digits, strips accents and joins words with hyphens', () => {
    expect(slugFrom('IDM 2011')).toBe('idm-2011');
    expect(slugFrom('Dialogue international 2011 : Migration & société')).toBe('dialogue-international-2011-migration-societe');
    expect(slugFrom('  ¿Migración?  Niños y niñas ')).toBe('migracion-ninos-y-ninas');
    expect(slugFrom('Straße – Œuvre')).toBe('strasse-oeuvre');
  });

  it('never ends on a hyphen, even when cut to 64 characters', () => {
    const slug = slugFrom(`${'a'.repeat(63)} b`);
    expect(slug).toBe('a'.repeat(63));
    expect(isSlug(slug)).toBe(true);
  });

  it('accepts what the server accepts', () => {
    expect(isSlug('idm-2011')).toBe(true);
    expect(isSlug('ab')).toBe(false);
    expect(isSlug('IDM')).toBe(false);
    expect(isSlug('idm_2011')).toBe(false);
    expect(isSlug('a'.repeat(65))).toBe(false);
  });
});

describe('DialogueFields, a dialogue as an organizer types it', () => {
  it('keeps the base language first as languages are chosen and the base changes', () => {
    const fields = new DialogueFields('t');
    fields.choose('fr', true);
    fields.choose('es', true);
    fields.choose('en', true);
    expect(fields.languages).toEqual(['fr', 'en', 'es']);
    fields.setBase('es');
    expect(fields.languages).toEqual(['es', 'en', 'fr']);
    fields.choose('es', false);
    expect(fields.base).toBe('en');
    fields.setBase('es');
    expect(fields.languages).toEqual(['en', 'fr']);
  });

  it('checks the server’s rules before sending: address, window order, languages, edit window', () => {
    const fields = new DialogueFields('t');
    fields.fill(dialogue());
    expect(fields.check(['title', 'slug', 'opensAt', 'closesAt', 'languages', 'editWindowMinutes'])).toBe(true);
    fields.slug = 'IDM 2011';
    fields.closes = '2010-07-12T09:00';
    fields.languages = [];
    fields.editWindow = '20000';
    fields.title = '   ';
    expect(fields.check(['title', 'slug', 'opensAt', 'closesAt', 'languages', 'editWindowMinutes'])).toBe(false);
    expect(fields.errors).toEqual({
      title: 'dialogueForm.error.titleRequired',
      slug: 'dialogueForm.error.slug',
      closesAt: 'dialogueForm.error.windowOrder',
      languages: 'dialogueForm.error.languagesRequired',
      editWindowMinutes: 'dialogueForm.error.editWindow',
    });
    expect(fields.summary.map((item) => item.id)).toEqual(['t-title', 't-slug', 't-closesAt', 't-languages', 't-editWindowMinutes']);
    expect(fields.failures).toBe(1);
    fields.opens = '';
    fields.check(['opensAt']);
    expect(fields.errors).toEqual({ opensAt: 'dialogueForm.error.dateRequired' });
  });

  it('shows the window as wall-clock times in the dialogue’s zone', () => {
    const fields = new DialogueFields('t');
    fields.fill(dialogue());
    expect(fields.opens).toBe('2010-07-12T09:00');
    expect(fields.closes).toBe('2010-07-25T18:00');
    fields.timeZone = 'UTC';
    expect(fields.opensAt).toBe('2010-07-12T09:00:00.000Z');
  });

  it('sends only what changed, and the whole window when the zone moved', () => {
    const fields = new DialogueFields('t');
    const saved = dialogue();
    fields.fill(saved);
    expect(fields.changesFrom(saved)).toEqual({});
    fields.title = ' IDM 2010 — Migration ';
    fields.wallEnabled = false;
    fields.editWindow = '45';
    expect(fields.changesFrom(saved)).toEqual({ title: 'IDM 2010 — Migration', wallEnabled: false, editWindowMinutes: 45 });
    expect(fields.windowChangedFrom(saved)).toBe(false);
    fields.fill(saved);
    fields.timeZone = 'America/New_York';
    expect(fields.changesFrom(saved)).toEqual({
      timeZone: 'America/New_York',
      opensAt: '2010-07-12T13:00:00.000Z',
      closesAt: '2010-07-25T22:00:00.000Z',
    });
    fields.fill(saved);
    fields.setBase('fr');
    expect(fields.changesFrom(saved)).toEqual({ languages: ['fr', 'en', 'es'] });
  });

  it('puts the server’s refusals next to the field they concern', () => {
    const fields = new DialogueFields('t');
    fields.fail(new ApiError(409, 'slug_taken', 'taken'));
    expect(fields.errors).toEqual({ slug: 'dialogueForm.error.slugTaken' });
    fields.fail(new ApiError(400, 'invalid_window', 'order'));
    expect(fields.errors).toEqual({ closesAt: 'dialogueForm.error.windowOrder' });
    fields.fail(new ApiError(400, 'validation_failed', 'bad', [{ path: 'body/theme', message: 'too long' }]));
    expect(fields.errors).toEqual({ theme: 'form.error.invalid' });
    fields.fail(new ApiError(403, 'forbidden', 'no'));
    expect(fields.errors).toEqual({});
    expect(fields.problem).toBe('manageError.forbidden');
    fields.fail(new ApiError(0, 'network_error', 'offline'));
    expect(fields.problem).toBe('error.network');
    expect(fields.failures).toBe(5);
  });
});

describe('NewDialogue, a new dialogue or a copy', () => {
  function api(source = dialogue()) {
    const calls: unknown[][] = [];
    return {
      calls,
      api: {
        dialogue: async (slug: string) => {
          calls.push(['get', slug]);
          return source;
        },
        create: async (body: CreateDialogueBody) => {
          calls.push(['create', body]);
          return dialogue({ ...body, published: false });
        },
        copy: async (slug: string, body: CopyDialogueBody) => {
          calls.push(['copy', slug, body]);
          return dialogue({ ...body, published: false });
        },
      },
    };
  }
  const copyTitle = (title: string) => `${title} (copy)`;

  it('suggests the address from the title until the organizer writes their own', () => {
    const { api: fake } = api();
    const draft = new NewDialogue({ api: fake, timeZone: 'Europe/Zurich', copyTitle });
    draft.setTitle('IDM 2011 – Migración');
    expect(draft.fields.slug).toBe('idm-2011-migracion');
    draft.setSlug('idm2011');
    draft.setTitle('IDM 2011');
    expect(draft.fields.slug).toBe('idm2011');
    draft.setSlug('');
    draft.setTitle('IDM 2012');
    expect(draft.fields.slug).toBe('idm-2012');
  });

  it('creates an unpublished dialogue with its window read in the chosen zone', async () => {
    const { api: fake, calls } = api();
    const draft = new NewDialogue({ api: fake, timeZone: 'Europe/Zurich', copyTitle });
    expect(await draft.submit()).toBeNull();
    expect(Object.keys(draft.fields.errors)).toEqual(['title', 'slug', 'theme', 'opensAt', 'closesAt']);
    draft.setTitle('IDM 2011');
    draft.fields.theme = 'Migration and the city';
    draft.fields.opens = '2011-07-11T09:00';
    draft.fields.closes = '2011-07-24T18:00';
    draft.fields.choose('fr', true);
    draft.fields.setBase('fr');
    draft.fields.moderation = 'pre';
    const created = await draft.submit();
    expect(created?.slug).toBe('idm-2011');
    expect(calls).toEqual([
      [
        'create',
        {
          slug: 'idm-2011',
          title: 'IDM 2011',
          opensAt: '2011-07-11T07:00:00.000Z',
          closesAt: '2011-07-24T16:00:00.000Z',
          theme: 'Migration and the city',
          description: '',
          timeZone: 'Europe/Zurich',
          languages: ['fr', 'en'],
          moderation: 'pre',
          published: false,
        },
      ],
    ]);
  });

  it('shows a taken address on its field', async () => {
    const { api: fake } = api();
    const draft = new NewDialogue({
      api: {
        ...fake,
        create: async () => {
          throw new ApiError(409, 'slug_taken', 'taken');
        },
      },
      timeZone: 'UTC',
      copyTitle,
    });
    draft.setTitle('IDM 2010');
    draft.fields.theme = 'Theme';
    draft.fields.opens = '2011-07-11T09:00';
    draft.fields.closes = '2011-07-24T18:00';
    expect(await draft.submit()).toBeNull();
    expect(draft.fields.errors).toEqual({ slug: 'dialogueForm.error.slugTaken' });
    expect(draft.submitting).toBe(false);
  });

  it('copies a dialogue with a new title, address and window a year on, in the source’s zone', async () => {
    const { api: fake, calls } = api();
    const draft = new NewDialogue({ api: fake, from: 'idm-2010', timeZone: 'America/Bogota', copyTitle });
    expect(draft.copying).toBe(true);
    await flush();
    expect(draft.source?.slug).toBe('idm-2010');
    expect(draft.fields.title).toBe('IDM 2010 (copy)');
    expect(draft.fields.slug).toBe('idm-2010-copy');
    expect(draft.fields.timeZone).toBe('Europe/Zurich');
    expect([draft.fields.opens, draft.fields.closes]).toEqual(['2011-07-12T09:00', '2011-07-25T18:00']);
    draft.setTitle('IDM 2011');
    await draft.submit();
    expect(calls).toEqual([
      ['get', 'idm-2010'],
      ['copy', 'idm-2010', { slug: 'idm-2011', title: 'IDM 2011', opensAt: '2011-07-12T07:00:00.000Z', closesAt: '2011-07-25T16:00:00.000Z' }],
    ]);
  });

  it('carries a notice to the next screen once', () => {
    workspaceNotice.put({ kind: 'created', name: 'IDM 2011' });
    expect(workspaceNotice.take()).toEqual({ kind: 'created', name: 'IDM 2011' });
    expect(workspaceNotice.take()).toBeNull();
  });
});

describe('WorkspaceList, every dialogue a page at a time', () => {
  it('follows the cursor and keeps each dialogue once', async () => {
    const a = dialogue({ id: 'a' }) as DialogueSummary;
    const b = dialogue({ id: 'b', published: false }) as DialogueSummary;
    const asked: (string | undefined)[] = [];
    const list = new WorkspaceList(async (after) => {
      asked.push(after);
      return after === undefined ? { items: [a], nextCursor: 'c1' } : { items: [a, b], nextCursor: null };
    });
    await flush();
    expect(list.loaded).toBe(true);
    expect(list.nextCursor).toBe('c1');
    await list.more();
    expect(asked).toEqual([undefined, 'c1']);
    expect(list.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(list.nextCursor).toBeNull();
  });

  it('keeps what it has when a page fails', async () => {
    let fail = false;
    const list = new WorkspaceList(async () => {
      if (fail) throw new ApiError(0, 'network_error', 'offline');
      return { items: [dialogue() as DialogueSummary], nextCursor: 'c1' };
    });
    await flush();
    fail = true;
    await list.more();
    expect(list.items).toHaveLength(1);
    expect(list.error).toBeInstanceOf(ApiError);
  });
});

describe('DialogueSettings, the dialogue’s own fields, publication and deletion', () => {
  function settings(saved: Dialogue, patchError?: ApiError) {
    const patches: PatchDialogueBody[] = [];
    const removed: string[] = [];
    let current = saved;
    const api: SettingsApi = {
      dialogue: async () => current,
      save: async () => current,
      words: async () => [],
      saveWords: async (_slug, words) => words,
      moderators: async () => [],
      appoint: async () => [],
      remove: async () => [],
      search: async () => [],
    };
    const store = new DialogueSettings(saved.slug, api, {
      patch: async (_slug, body) => {
        if (patchError) throw patchError;
        patches.push(body);
        current = { ...current, ...body } as Dialogue;
        return current;
      },
      remove: async (slug) => {
        if (patchError) throw patchError;
        removed.push(slug);
      },
    });
    return { store, patches, removed };
  }

  it('saves only the fields that changed, and says when nothing did', async () => {
    const { store, patches } = settings(dialogue());
    await flush();
    expect(await store.saveDetails()).toBeNull();
    expect(store.detailsOutcome).toBe('unchanged');
    store.details.annexLeadIn = 'In the week preceding the workshop';
    store.details.quoteAttribution = 'country';
    await store.saveDetails();
    expect(patches).toEqual([{ annexLeadIn: 'In the week preceding the workshop', quoteAttribution: 'country' }]);
    expect(store.detailsOutcome).toBe('saved');
    expect(store.dialogue?.quoteAttribution).toBe('country');
  });

  it('asks before moving the window of an open dialogue', async () => {
    const { store, patches } = settings(dialogue({ status: 'open' }));
    await flush();
    store.details.closes = '2010-07-26T18:00';
    expect(await store.saveDetails()).toBeNull();
    expect(store.confirmingWindow).toBe(true);
    expect(patches).toEqual([]);
    store.cancelWindowMove();
    expect(store.confirmingWindow).toBe(false);
    await store.saveDetails(true);
    expect(patches).toEqual([{ opensAt: '2010-07-12T07:00:00.000Z', closesAt: '2010-07-26T16:00:00.000Z' }]);
  });

  it('moves nothing without asking when only the texts of an open dialogue change', async () => {
    const { store, patches } = settings(dialogue({ status: 'open' }));
    await flush();
    store.details.theme = 'Social change';
    await store.saveDetails();
    expect(store.confirmingWindow).toBe(false);
    expect(patches).toEqual([{ theme: 'Social change' }]);
  });

  it('gives the new slug after the address changed', async () => {
    const { store } = settings(dialogue());
    await flush();
    store.details.slug = 'idm-2010-archive';
    expect(await store.saveDetails()).toBe('idm-2010-archive');
  });

  it('refuses a window that closes before it opens, without asking the server', async () => {
    const { store, patches } = settings(dialogue());
    await flush();
    store.details.closes = '2010-07-01T18:00';
    await store.saveDetails();
    expect(store.details.errors).toEqual({ closesAt: 'dialogueForm.error.windowOrder' });
    expect(patches).toEqual([]);
  });

  it('publishes and unpublishes', async () => {
    const { store, patches } = settings(dialogue({ published: false }));
    await flush();
    await store.setPublished(true);
    expect(store.dialogue?.published).toBe(true);
    await store.setPublished(false);
    expect(patches).toEqual([{ published: true }, { published: false }]);
    expect(store.dialogue?.published).toBe(false);
  });

  it('deletes a dialogue without comments, and explains a refusal', async () => {
    const { store, removed } = settings(dialogue());
    await flush();
    expect(store.canDelete).toBe(true);
    store.askDelete();
    expect(store.confirmingDelete).toBe(true);
    expect(await store.deleteDialogue()).toBe(true);
    expect(removed).toEqual(['idm-2010']);

    const refused = settings(dialogue(), new ApiError(409, 'dialogue_has_comments', 'has comments'));
    await flush();
    refused.store.askDelete();
    expect(await refused.store.deleteDialogue()).toBe(false);
    expect((refused.store.deletion.error as ApiError).code).toBe('dialogue_has_comments');
    expect(refused.store.confirmingDelete).toBe(false);
  });

  it('offers no deletion once the dialogue had a comment', async () => {
    const { store } = settings(dialogue({ commentTotal: 4 }));
    await flush();
    expect(store.canDelete).toBe(false);
  });
});
