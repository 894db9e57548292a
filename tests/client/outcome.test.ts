import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DialogueQuotes, Quote } from '../../shared/quotes.ts';
import type { Summary, SummaryVersion } from '../../shared/summaries.ts';
import { approvedSummary, publicSelection, selectedComments, summaryReader, type SummaryReader } from '../../client/src/lib/outcome.ts';

function summary(extra: Partial<Summary>): Summary {
  return {
    dialogueId: 'd1',
    topicId: 't1',
    body: '',
    status: 'draft',
    version: 0,
    approvedVersion: null,
    updatedBy: null,
    updatedAt: null,
    ...extra,
  };
}

function reader(latest: Summary, versions: Record<number, string> = {}): SummaryReader & { asked: number[] } {
  const asked: number[] = [];
  return {
    asked,
    latest: async () => latest,
    version: async (version): Promise<SummaryVersion> => {
      asked.push(version);
      return { version, status: 'approved', body: versions[version]!, author: { id: 'o1', displayName: 'Olga' }, createdAt: '2026-08-01T09:00:00.000Z' };
    },
  };
}

describe('approvedSummary', () => {
  it('is what the public is sent when it is approved', async () => {
    const read = reader(
      summary({ body: 'We agreed on three things.', status: 'approved', version: 3, approvedVersion: 3, updatedAt: '2026-08-02T10:00:00.000Z' }),
    );
    expect(await approvedSummary(read)).toEqual({ body: 'We agreed on three things.', approvedAt: '2026-08-02T10:00:00.000Z' });
    expect(read.asked).toEqual([]);
  });

  it('is nothing while no version is approved (the public gets version 0, a moderator a draft)', async () => {
    expect(await approvedSummary(reader(summary({})))).toBeNull();
    expect(await approvedSummary(reader(summary({ body: 'A draft.', version: 2 })))).toBeNull();
  });

  it('shows a moderator, sent their latest draft, the approved version the public reads', async () => {
    const read = reader(summary({ body: 'Draft 5, not yet approved.', version: 5, approvedVersion: 3 }), { 3: 'Approved text of version 3.' });
    expect(await approvedSummary(read)).toEqual({ body: 'Approved text of version 3.', approvedAt: '2026-08-01T09:00:00.000Z' });
    expect(read.asked).toEqual([3]);
  });

  it('is nothing when the approved text is blank', async () => {
    expect(await approvedSummary(reader(summary({ body: '  \n', status: 'approved', version: 1, approvedVersion: 1 })))).toBeNull();
  });
});

function quote(id: string, topicId: string, flagged: Quote['flagged'] = null): Quote {
  return {
    id,
    topicId,
    commentId: `c-${id}`,
    text: `Words of ${id}`,
    excerpt: false,
    attribution: 'country',
    effectiveAttribution: 'country',
    attributionLabel: { name: null, country: 'KE', affiliation: null },
    position: 1,
    createdAt: '2026-07-20T10:00:00.000Z',
    updatedAt: '2026-07-20T10:00:00.000Z',
    flagged,
  };
}

describe('publicSelection', () => {
  it('keeps the topics with a quote the public may read, in topic order, without flagged quotes', () => {
    const selection: DialogueQuotes = {
      topics: [
        { topicId: 't1', number: 1, question: 'One?', quotes: [quote('q1', 't1'), quote('q2', 't1', 'consent_withdrawn')] },
        { topicId: 't2', number: 2, question: 'Two?', quotes: [] },
        { topicId: 't3', number: 3, question: 'Three?', quotes: [quote('q3', 't3', 'hidden')] },
        { topicId: 't4', number: 4, question: 'Four?', quotes: [quote('q4', 't4')] },
      ],
    };
    const shown = publicSelection(selection);
    expect(shown.map((topic) => [topic.topicId, topic.quotes.map((item) => item.id)])).toEqual([
      ['t1', ['q1']],
      ['t4', ['q4']],
    ]);
    expect(shown[0]).toMatchObject({ number: 1, question: 'One?' });
  });
});

describe('the requests', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => new Response('{}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const paths = () => fetchMock.mock.calls.map(([path]) => path as string);

  it('reads a topic’s or a dialogue’s summary and its versions where the API serves them', async () => {
    await summaryReader({ topicId: 't 1' }).latest();
    await summaryReader({ topicId: 't1' }).version(3);
    await summaryReader({ slug: 'idm-2010' }).latest();
    await summaryReader({ slug: 'idm-2010' }).version(2);
    await selectedComments('idm-2010');
    expect(paths()).toEqual([
      '/api/topics/t%201/summary',
      '/api/topics/t1/summary/versions/3',
      '/api/dialogues/idm-2010/summary',
      '/api/dialogues/idm-2010/summary/versions/2',
      '/api/dialogues/idm-2010/quotes',
    ]);
  });
});
