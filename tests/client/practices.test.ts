import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CountryCode } from '../../shared/countries.ts';
import type { Practice, PracticeList, PracticeListQuery, PracticeModerationBody, PracticeStats } from '../../shared/practices.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { practicesEn } from '../../client/src/lib/i18n/sections/practices.en.ts';
import { practicesEs } from '../../client/src/lib/i18n/sections/practices.es.ts';
import { practicesFr } from '../../client/src/lib/i18n/sections/practices.fr.ts';
import { filterCount, filterQuery, filtersFromSearch, NO_FILTERS, searchOfFilters } from '../../client/src/lib/practice-filters.ts';
import { matchRoute, paths } from '../../client/src/lib/routes.ts';
import {
  blankStart,
  loadPracticeStart,
  PracticeDraft,
  practiceStart,
  quoteMarkdown,
  sourceStart,
  type PracticeSource,
  type PracticeStartApi,
} from '../../client/src/lib/state/practice-draft.svelte.ts';
import { PRACTICE_PAGE_SIZE, PracticeLibrary } from '../../client/src/lib/state/practice-library.svelte.ts';
import { PracticeQueue } from '../../client/src/lib/state/practice-queue.svelte.ts';
import { practiceActions, PracticeReview } from '../../client/src/lib/state/practice-review.svelte.ts';
import { PracticeThemesEditor } from '../../client/src/lib/state/practice-themes.svelte.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const render = async (markdown: string) => `<p>${markdown}</p>`;

function practice(id: string, extra: Partial<Practice> = {}): Practice {
  return {
    id,
    title: `Practice ${id}`,
    organization: 'Red Cross',
    countries: ['KE', 'UG'],
    continent: 'africa',
    themes: ['Health'],
    description: 'What it does.',
    descriptionHtml: '<p>What it does.</p>',
    link: null,
    contact: 'me@example.org',
    language: 'en',
    dialogue: { slug: 'idm-2011', title: 'IDM 2011' },
    sourceComment: null,
    submitter: { id: 'u1', displayName: 'Amina', country: 'KE', affiliation: null },
    status: 'submitted',
    returnReason: null,
    canEdit: true,
    canModerate: false,
    createdAt: '2026-07-01T10:00:00.000Z',
    updatedAt: '2026-07-01T10:00:00.000Z',
    publishedAt: null,
    ...extra,
  };
}

const stats = (total: number): PracticeStats => ({ total, byContinent: [{ key: 'africa', count: total }], byCountry: [], byTheme: [] });

const placeholders = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

describe('the good practices’ messages', () => {
  // Words spelt the same in French.
  const SAME_IN_FRENCH = [
    'practices.filter.continent',
    'practices.filter.dialogue',
    'practices.field.continent',
    'practices.field.contact',
    'practices.field.description',
    'practices.field.dialogue',
  ];

  it.each([
    ['fr', practicesFr, SAME_IN_FRENCH],
    ['es', practicesEs, []],
  ] as const)('%s has every key of en, translated, with the same placeholders', (_locale, catalogue, same) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(practicesEn).sort());
    for (const [key, english] of Object.entries(practicesEn)) {
      const translated = catalogue[key as keyof typeof practicesEn];
      expect(translated.trim(), key).not.toBe('');
      if (!(same as readonly string[]).includes(key)) expect(translated, key).not.toBe(english);
      expect(placeholders(translated), key).toBe(placeholders(english));
    }
  });
});

describe('the library’s filters in the address', () => {
  it('reads the filters of a shared link and writes them back in one order', () => {
    const filters = filtersFromSearch('?theme=%20Health%20%20care&continent=africa&country=ke&language=fr&dialogue=idm-2011');
    expect(filters).toEqual({ continent: 'africa', country: 'KE', theme: 'Health care', dialogue: 'idm-2011', language: 'fr' });
    expect(searchOfFilters(filters)).toBe('?continent=africa&country=KE&theme=Health+care&dialogue=idm-2011&language=fr');
    expect(filtersFromSearch(searchOfFilters(filters))).toEqual(filters);
    expect(filterCount(filters)).toBe(5);
  });

  it('leaves out what the API would refuse, and writes no query for no filter', () => {
    expect(filtersFromSearch('?continent=atlantis&country=XX&language=de&dialogue=A!&theme=' + 'x'.repeat(61) + '&page=2')).toEqual(NO_FILTERS);
    expect(filtersFromSearch('?continent=antarctica').continent).toBe('');
    expect(searchOfFilters(NO_FILTERS)).toBe('');
    expect(paths.practices(searchOfFilters(NO_FILTERS))).toBe('/practices');
  });

  it('asks the API for the filters set only', () => {
    expect(filterQuery({ ...NO_FILTERS, theme: 'Health', language: 'es' })).toEqual({ theme: 'Health', language: 'es' });
    expect(filterQuery(NO_FILTERS)).toEqual({});
  });
});

describe('the practices’ routes', () => {
  it.each([
    ['/practices', { name: 'practices' }],
    ['/practices/new', { name: 'newPractice' }],
    ['/practices/p1', { name: 'practice', practiceId: 'p1' }],
    ['/practices/p1/edit', { name: 'editPractice', practiceId: 'p1' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('links a comment to the form that draws a practice from it', () => {
    expect(paths.newPractice('c 1')).toBe('/practices/new?comment=c%201');
    expect(paths.editPractice('p1')).toBe('/practices/p1/edit');
  });
});

describe('PracticeLibrary', () => {
  function setup(answer: (query: PracticeListQuery) => Promise<PracticeList> = async () => ({ items: [], nextCursor: null })) {
    const queries: PracticeListQuery[] = [];
    const statsQueries: unknown[] = [];
    const api = {
      list: vi.fn(async (query: PracticeListQuery) => {
        queries.push(query);
        return answer(query);
      }),
      stats: vi.fn(async (query: unknown) => {
        statsQueries.push(query);
        return stats(3);
      }),
    };
    return { api, queries, statsQueries };
  }

  it('lists the published practices under the filters, and counts them under the same filters', async () => {
    const { api, queries, statsQueries } = setup(async () => ({ items: [practice('a', { status: 'published' })], nextCursor: 'n1' }));
    const library = new PracticeLibrary(api, filtersFromSearch('?continent=africa'));
    await flush();
    expect(queries).toEqual([{ continent: 'africa', status: 'published', limit: PRACTICE_PAGE_SIZE }]);
    expect(statsQueries).toEqual([{ continent: 'africa' }]);
    expect(library.items.map((item) => item.id)).toEqual(['a']);
    expect(library.stats?.total).toBe(3);
    await library.more();
    expect(queries.at(-1)).toEqual({ continent: 'africa', status: 'published', limit: PRACTICE_PAGE_SIZE, after: 'n1' });
  });

  it('follows new filters (back and forward) and reads nothing again for the same ones', async () => {
    const { api, queries } = setup();
    const library = new PracticeLibrary(api, NO_FILTERS);
    await flush();
    library.show(filtersFromSearch(''));
    expect(queries).toHaveLength(1);
    library.show(filtersFromSearch('?theme=Health'));
    await flush();
    expect(queries.at(-1)).toEqual({ theme: 'Health', status: 'published', limit: PRACTICE_PAGE_SIZE });
    expect(api.stats).toHaveBeenCalledTimes(2);
  });

  it('keeps the answer to the latest filters when an earlier one comes back later', async () => {
    const answers: ((list: PracticeList) => void)[] = [];
    const { api } = setup(() => new Promise((resolve) => answers.push(resolve)));
    const library = new PracticeLibrary(api, NO_FILTERS);
    library.show(filtersFromSearch('?language=fr'));
    answers[1]!({ items: [practice('fr')], nextCursor: null });
    await flush();
    answers[0]!({ items: [practice('all')], nextCursor: null });
    await flush();
    expect(library.items.map((item) => item.id)).toEqual(['fr']);
  });
});

describe('the practice form’s start', () => {
  const source: PracticeSource = { commentId: 'c1', topicId: 't1', language: 'fr', text: 'Un programme de mentorat.\n\nIl marche.' };

  it('quotes a comment as Markdown, paragraphs kept', () => {
    expect(quoteMarkdown(source.text)).toBe('> Un programme de mentorat.\n>\n> Il marche.');
  });

  it('draws a new practice from a comment: its language, its dialogue, its words quoted', () => {
    expect(sourceStart(source, 'idm-2011')).toMatchObject({
      language: 'fr',
      dialogue: 'idm-2011',
      sourceCommentId: 'c1',
      description: '> Un programme de mentorat.\n>\n> Il marche.\n\n',
      countries: [],
      continent: null,
    });
  });

  it('loads what the form starts from, wherever it was opened', async () => {
    const api: PracticeStartApi = {
      practice: vi.fn(async (id: string) => practice(id)),
      topicDialogue: vi.fn(async () => 'idm-2011'),
      source: async (commentId) => (commentId === 'c1' ? source : null),
    };
    expect((await loadPracticeStart({ language: 'es' }, api)).start).toEqual(blankStart('es'));
    expect((await loadPracticeStart({ commentId: 'c1', language: 'en' }, api)).start).toEqual(sourceStart(source, 'idm-2011'));
    expect(api.topicDialogue).toHaveBeenCalledWith('t1');
    // A link opened in another tab: the practice is still the comment's, its words are not quoted.
    expect((await loadPracticeStart({ commentId: 'c2', language: 'en' }, api)).start).toEqual({ ...blankStart('en'), sourceCommentId: 'c2' });
    expect((await loadPracticeStart({ commentId: '../x', language: 'en' }, api)).start).toEqual(blankStart('en'));
    const edited = await loadPracticeStart({ practiceId: 'p1', language: 'en' }, api);
    expect(edited.practice?.id).toBe('p1');
    expect(edited.start).toMatchObject({ title: 'Practice p1', countries: ['KE', 'UG'], dialogue: 'idm-2011', contact: 'me@example.org' });
  });

  it('quotes the comment without its dialogue when its topic cannot be read', async () => {
    const api: PracticeStartApi = { practice: vi.fn(), topicDialogue: () => Promise.reject(new Error('gone')), source: async () => source };
    expect((await loadPracticeStart({ commentId: 'c1', language: 'en' }, api)).start.dialogue).toBe('');
  });

  it('neither shows nor sends a contact the reader may not see', () => {
    const start = practiceStart(practice('p1', { contact: undefined }));
    expect(start.contact).toBeNull();
    const draft = new PracticeDraft(render, start);
    draft.title = 'Renamed';
    expect(draft.patchBody()).toEqual({ title: 'Renamed' });
  });
});

describe('PracticeDraft', () => {
  afterEach(() => vi.useRealTimers());

  it('finds the continent from the countries until the writer chooses another', () => {
    const draft = new PracticeDraft(render, blankStart('en'));
    expect(draft.continent).toBeNull();
    draft.toggleCountry('FR', true);
    expect(draft.continent).toBe('europe');
    draft.toggleCountry('SN', true);
    draft.toggleCountry('ML', true);
    expect(draft.continent).toBe('africa');
    draft.chooseContinent('europe');
    draft.toggleCountry('CI', true);
    expect(draft.continent).toBe('europe');
    // Choosing the countries' own continent means following the countries again.
    draft.chooseContinent('africa');
    draft.toggleCountry('SN', false);
    draft.toggleCountry('ML', false);
    draft.toggleCountry('CI', false);
    expect(draft.continent).toBe('europe');
  });

  it('keeps a continent filed apart from the countries’, and follows them when it was theirs', () => {
    const chosen = new PracticeDraft(render, practiceStart(practice('p1', { countries: ['MX'], continent: 'south_america' })));
    chosen.toggleCountry('US', true);
    expect(chosen.continent).toBe('south_america');
    const followed = new PracticeDraft(render, practiceStart(practice('p2', { countries: ['MX'], continent: 'north_america' })));
    followed.toggleCountry('MX', false);
    followed.toggleCountry('BR', true);
    expect(followed.continent).toBe('south_america');
  });

  it('asks for the continent when no country gives one', () => {
    const draft = new PracticeDraft(render, { ...blankStart('en'), title: 'T', organization: 'O', description: 'D' });
    draft.toggleCountry('AQ', true);
    expect(draft.check()).toEqual({ continent: 'practices.error.continentRequired' });
  });

  it('says what keeps a practice from being sent, without sending it', async () => {
    const draft = new PracticeDraft(render, blankStart('en'));
    draft.link = 'www.example.org';
    const request = vi.fn();
    expect(await draft.send(request)).toBeNull();
    expect(request).not.toHaveBeenCalled();
    expect(draft.errors).toEqual({
      title: 'practices.error.titleRequired',
      organization: 'practices.error.organizationRequired',
      countries: 'practices.error.countriesRequired',
      description: 'practices.error.descriptionRequired',
      link: 'practices.error.linkInvalid',
    });
    expect(draft.summary.map((item) => item.id)).toEqual([
      'practice-title',
      'practice-organization',
      'practice-countries',
      'practice-description',
      'practice-link',
    ]);
    expect(draft.failures).toBe(1);
    // Once tried, what to correct follows the answers.
    draft.title = 'Mentoring';
    draft.toggleCountry('KE', true);
    expect(Object.keys(draft.errors)).toEqual(['organization', 'description', 'link']);
  });

  it('sends a practice drawn from a comment with the comment, not a dialogue', () => {
    const draft = new PracticeDraft(render, sourceStart({ commentId: 'c1', topicId: 't1', language: 'fr', text: 'Mots' }, 'idm-2011'));
    draft.title = '  Mentorat ';
    draft.organization = 'Ville de Lyon';
    draft.toggleCountry('FR', true);
    draft.contact = ' ';
    expect(draft.createBody()).toEqual({
      title: 'Mentorat',
      organization: 'Ville de Lyon',
      countries: ['FR'],
      continent: 'europe',
      themes: [],
      description: '> Mots',
      language: 'fr',
      sourceCommentId: 'c1',
    });
  });

  it('ticks the dialogue’s themes and adds the writer’s own, once whatever their letters', () => {
    const draft = new PracticeDraft(render, blankStart('en'));
    const listed = ['Health', 'Education'];
    draft.toggleTheme('Health', true);
    expect(draft.addTheme('  education ', listed)).toBeNull();
    expect(draft.addTheme('Diaspora   bonds', listed)).toBeNull();
    expect(draft.addTheme('HEALTH', listed)).toBeNull();
    expect(draft.addTheme(' ', listed)).toBe('empty');
    expect(draft.addTheme('x'.repeat(61), listed)).toBe('tooLong');
    expect(draft.themes).toEqual(['Health', 'Education', 'Diaspora bonds']);
    draft.toggleTheme('health', false);
    expect(draft.themes).toEqual(['Education', 'Diaspora bonds']);
  });

  it('stops at the most countries and themes a practice can have', () => {
    const draft = new PracticeDraft(render, blankStart('en'));
    const codes = ['FR', 'DE', 'ES', 'IT', 'PT', 'BE', 'NL', 'LU', 'AT', 'CH', 'PL', 'CZ', 'SK', 'HU', 'SI', 'HR', 'RO', 'BG', 'GR', 'CY', 'MT', 'IE'];
    const more = ['DK', 'SE', 'FI', 'EE', 'LV', 'LT', 'NO', 'IS', 'AL'] as CountryCode[];
    for (const code of [...codes, ...more] as CountryCode[]) draft.toggleCountry(code, true);
    expect(draft.countries).toHaveLength(30);
    draft.toggleCountry('RS', true);
    expect(draft.countries).toHaveLength(30);
    expect(draft.full.countries).toBe(true);
    for (let i = 0; i < 12; i++) draft.addTheme(`Theme ${i}`, []);
    expect(draft.addTheme('One more', [])).toBe('full');
  });

  it('sends only what changed, and the title when nothing did (a returned practice is submitted again)', () => {
    const draft = new PracticeDraft(render, practiceStart(practice('p1', { status: 'returned', link: 'https://a.example' })));
    expect(draft.patchBody()).toEqual({ title: 'Practice p1' });
    draft.toggleCountry('TZ', true);
    draft.link = '';
    draft.dialogue = '';
    expect(draft.patchBody()).toEqual({ countries: ['KE', 'UG', 'TZ'], link: null, dialogueSlug: null });
  });

  it('puts the server’s refusals next to the questions they concern, others above the buttons', async () => {
    const draft = new PracticeDraft(render, { ...practiceStart(practice('p1')) });
    await draft.send(() => Promise.reject(new ApiError(400, 'continent_required', 'choose')));
    expect(draft.errors).toEqual({ continent: 'practices.error.continentRequired' });
    await draft.send(() => Promise.reject(new ApiError(400, 'validation_failed', 'bad', [{ path: 'body/dialogueSlug', message: 'x' }])));
    expect(draft.errors).toEqual({ dialogue: 'form.error.invalid' });
    const notEditable = new ApiError(409, 'practice_not_editable', 'reviewed');
    await draft.send(() => Promise.reject(notEditable));
    expect(draft.errors).toEqual({});
    expect(draft.error).toBe(notEditable);
    expect(draft.saving).toBe(false);
    expect(draft.failures).toBe(3);
  });
});

describe('PracticeReview', () => {
  it('offers the decisions the status allows', () => {
    expect(practiceActions({ status: 'submitted' })).toEqual(['publish', 'return']);
    expect(practiceActions({ status: 'published' })).toEqual(['unpublish']);
    expect(practiceActions({ status: 'returned' })).toEqual(['publish']);
  });

  it('returns a practice only with a reason, and hands over the practice as decided', async () => {
    const bodies: PracticeModerationBody[] = [];
    const decided = vi.fn();
    const review = new PracticeReview(async (id, body) => {
      bodies.push(body);
      return practice(id, { status: 'returned', returnReason: body.reason ?? null });
    }, decided);
    review.openReturn();
    expect(await review.act(practice('p1'), 'return')).toBe(false);
    expect(review.needsReason).toBe(true);
    expect(bodies).toEqual([]);
    review.reason = '  Add a link.  ';
    expect(await review.act(practice('p1'), 'return')).toBe(true);
    expect(bodies).toEqual([{ action: 'return', reason: 'Add a link.' }]);
    expect(decided).toHaveBeenCalledWith(expect.objectContaining({ status: 'returned' }), 'return');
    expect(review).toMatchObject({ returning: false, reason: '', done: 'return', busy: null });
  });

  it('keeps a refusal to say it', async () => {
    const refusal = new ApiError(409, 'already_moderated', 'late');
    const review = new PracticeReview(() => Promise.reject(refusal), vi.fn());
    expect(await review.act(practice('p1'), 'publish')).toBe(false);
    expect(review.error).toBe(refusal);
    expect(review.done).toBeNull();
  });
});

describe('PracticeQueue', () => {
  it('lists the submitted practices the reader may decide on, oldest first, and drops one once decided', async () => {
    const queries: PracticeListQuery[] = [];
    const queue = new PracticeQueue(async (query) => {
      queries.push(query);
      return {
        items: [practice('a', { canModerate: true }), practice('mine'), practice('b', { canModerate: true, updatedAt: '2026-06-30T10:00:00.000Z' })],
        nextCursor: null,
      };
    });
    await flush();
    expect(queries[0]).toMatchObject({ status: 'submitted' });
    // The longest-waiting first.
    expect(queue.waiting.map((item) => item.id)).toEqual(['b', 'a']);
    queue.decided(practice('a', { status: 'published' }), 'publish');
    expect(queue.waiting.map((item) => item.id)).toEqual(['b']);
    expect(queue.last).toEqual({ title: 'Practice a', action: 'publish' });
  });
});

describe('PracticeThemesEditor', () => {
  it('adds themes once, removes them and saves the list the server keeps', async () => {
    const saved: string[][] = [];
    const editor = new PracticeThemesEditor(['Health'], async (themes) => {
      saved.push(themes);
      return themes;
    });
    editor.adding = '  Labour   migration ';
    expect(editor.add()).toBe(true);
    editor.adding = 'health';
    expect(editor.add()).toBe(false);
    expect(editor.problem).toBe('duplicate');
    editor.remove('Health');
    expect(await editor.saveAll()).toBe(true);
    expect(saved).toEqual([['Labour migration']]);
    expect(editor.save.done).toBe(true);
  });
});
