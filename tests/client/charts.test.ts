import { describe, expect, it } from 'vitest';
import type { Stats } from '../../shared/stats.ts';
import { bars, busiest, commentsPerDay, daysBetween, niceCeiling, ticks, topRows, visitsPerDay } from '../../client/src/lib/charts.ts';

const window3 = { firstDay: '2026-07-12', lastDay: '2026-07-14' };

describe('bars', () => {
  it('sizes each bar against the longest and gives its share of the total', () => {
    expect(
      bars([
        { key: 'europe', count: 6 },
        { key: 'africa', count: 3 },
        { key: 'asia', count: 0 },
        { key: 'oceania', count: 1 },
      ]),
    ).toEqual([
      { key: 'europe', count: 6, share: 1, percent: 60 },
      { key: 'africa', count: 3, share: 0.5, percent: 30 },
      { key: 'oceania', count: 1, share: 1 / 6, percent: 10 },
    ]);
  });

  it('keeps zero rows when asked (every topic), and divides by nothing safely', () => {
    expect(bars([{ key: '1', count: 0 }], true)).toEqual([{ key: '1', count: 0, share: 0, percent: 0 }]);
    expect(bars([])).toEqual([]);
  });

  it('gives shares of all participants when asked, not of the rows listed (3 of 93, not of the 32 in the first countries)', () => {
    const listed = [
      { key: 'FR', count: 20 },
      { key: 'SN', count: 9 },
      { key: 'PH', count: 3 },
    ];
    expect(bars(listed, false, 93).map((bar) => bar.percent)).toEqual([21.5, 9.7, 3.2]);
    expect(bars(listed).at(-1)?.percent).toBe(9.4);
    expect(bars(listed, false, 0).map((bar) => bar.percent)).toEqual([0, 0, 0]);
  });

  it('rounds shares to one decimal', () => {
    expect(
      bars([
        { key: 'a', count: 1 },
        { key: 'b', count: 2 },
      ]).map((bar) => bar.percent),
    ).toEqual([33.3, 66.7]);
  });
});

describe('scales', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [6, 10],
    [10, 10],
    [11, 20],
    [357, 500],
    [1_234, 2_000],
  ])('niceCeiling(%i) is %i', (value, top) => {
    expect(niceCeiling(value)).toBe(top);
  });

  it('draws at most five whole steps from zero up to the top itself', () => {
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(2)).toEqual([0, 1, 2]);
    expect(ticks(10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(500)).toEqual([0, 100, 200, 300, 400, 500]);
    expect(ticks(2_000)).toEqual([0, 500, 1_000, 1_500, 2_000]);
  });
});

describe('daysBetween', () => {
  it('lists every calendar day, across a month', () => {
    expect(daysBetween('2026-07-30', '2026-08-02')).toEqual(['2026-07-30', '2026-07-31', '2026-08-01', '2026-08-02']);
    expect(daysBetween('2026-07-12', '2026-07-12')).toEqual(['2026-07-12']);
    expect(daysBetween('2026-07-12', '2026-07-11')).toEqual([]);
  });
});

describe('commentsPerDay', () => {
  const stats: Pick<Stats, 'byTopicDay' | 'byTopic' | 'firstDay' | 'lastDay'> = {
    ...window3,
    byTopic: [
      { key: '1', count: 3 },
      { key: '2', count: 1 },
      { key: '3', count: 0 },
    ],
    byTopicDay: [
      { topicNumber: 1, day: '2026-07-12', count: 2 },
      { topicNumber: 2, day: '2026-07-12', count: 1 },
      { topicNumber: 1, day: '2026-07-14', count: 1 },
    ],
  };

  it('stacks every topic on every day of the window, zeros included', () => {
    const chart = commentsPerDay(stats);
    expect(chart.series).toEqual(['1', '2', '3']);
    expect(chart.columns.map((column) => [column.key, column.total])).toEqual([
      ['2026-07-12', 3],
      ['2026-07-13', 0],
      ['2026-07-14', 1],
    ]);
    expect(chart.columns[0]!.segments).toEqual([
      { series: '1', count: 2, from: 0 },
      { series: '2', count: 1, from: 2 },
      { series: '3', count: 0, from: 3 },
    ]);
    expect(chart.total).toBe(4);
    expect(chart.top).toBe(5);
    expect(busiest(chart)?.key).toBe('2026-07-12');
  });

  it('adds a day or a topic found only in the counts', () => {
    const chart = commentsPerDay({ ...stats, byTopicDay: [...stats.byTopicDay, { topicNumber: 5, day: '2026-07-15', count: 2 }] });
    expect(chart.series).toEqual(['1', '2', '3', '5']);
    expect(chart.columns.at(-1)).toMatchObject({ key: '2026-07-15', total: 2 });
  });

  it('has no busiest day when nothing was posted', () => {
    expect(busiest(commentsPerDay({ ...stats, byTopicDay: [] }))).toBe(null);
  });
});

describe('visitsPerDay and topRows', () => {
  it('charts visits as one series, in day order', () => {
    const chart = visitsPerDay({
      visitsByDay: [
        { key: '2026-07-13', count: 40 },
        { key: '2026-07-12', count: 12 },
      ],
    });
    expect(chart.series).toEqual(['visits']);
    expect(chart.columns.map((column) => [column.key, column.total])).toEqual([
      ['2026-07-12', 12],
      ['2026-07-13', 40],
    ]);
    expect(chart.top).toBe(50);
  });

  it('shows the first rows and adds up the rest', () => {
    const rows = ['ES', 'FR', 'SN', 'PH'].map((key, i) => ({ key, count: 4 - i }));
    expect(topRows(rows, 2)).toEqual({ shown: rows.slice(0, 2), rest: 3, restRows: 2 });
    expect(topRows(rows, 10)).toEqual({ shown: rows, rest: 0, restRows: 0 });
  });
});
