import type { Stats } from '../../../shared/stats.ts';

// The dashboard's numbers shaped for drawing: plain data, so that the charts (inline SVG and CSS)
// and their tables show the same figures.

export interface Bar {
  key: string;
  count: number;
  /** the bar's length, 0–1 of the longest */
  share: number;
  /** its part of the total, 0–100, rounded to one decimal */
  percent: number;
}

/**
 * Horizontal bars, in the order given; zero rows are left out unless `keepZeros`. Shares are of
 * `total` when given (all participants, when only the first countries are listed or when some
 * participants have no country), else of the rows' sum.
 */
export function bars(rows: readonly { key: string; count: number }[], keepZeros = false, of?: number): Bar[] {
  const kept = keepZeros ? rows : rows.filter((row) => row.count > 0);
  const max = Math.max(0, ...kept.map((row) => row.count));
  const total = of ?? kept.reduce((sum, row) => sum + row.count, 0);
  return kept.map((row) => ({
    key: row.key,
    count: row.count,
    share: max === 0 ? 0 : row.count / max,
    percent: total === 0 ? 0 : Math.round((row.count / total) * 1000) / 10,
  }));
}

/** The top of a chart's scale: the smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/** Gridline values from 0 to `top` (a niceCeiling), at most five steps, whole numbers, the top included. */
export function ticks(top: number): number[] {
  const step = Math.max(1, niceCeiling(top / 5));
  const values: number[] = [];
  for (let value = 0; value <= top; value += step) values.push(value);
  return values;
}

/** Every calendar day from `first` to `last` (YYYY-MM-DD), both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && days.length < 1_000; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export interface Segment {
  series: string;
  count: number;
  /** where the segment starts, in units from the baseline */
  from: number;
}

export interface Column {
  /** the calendar day (YYYY-MM-DD) */
  key: string;
  total: number;
  /** one per series in series order, zeros included, stacked from the baseline */
  segments: Segment[];
}

/** Columns per day, each stacked by series (topics), on a scale from 0 to `top`. */
export interface ColumnChart {
  series: string[];
  columns: Column[];
  top: number;
  total: number;
}

function columnChart(series: string[], days: string[], countOf: (day: string, series: string) => number): ColumnChart {
  const columns = days.map((key) => {
    let from = 0;
    const segments = series.map((name) => {
      const count = countOf(key, name);
      const segment = { series: name, count, from };
      from += count;
      return segment;
    });
    return { key, total: from, segments };
  });
  const highest = Math.max(0, ...columns.map((column) => column.total));
  return { series, columns, top: niceCeiling(highest), total: columns.reduce((sum, column) => sum + column.total, 0) };
}

/**
 * Comments per day, stacked by topic (series named by topic number): every day of the window
 * (and days with comments outside it, if any), every topic on every day.
 */
export function commentsPerDay(stats: Pick<Stats, 'byTopicDay' | 'byTopic' | 'firstDay' | 'lastDay'>): ColumnChart {
  const topics = new Set(stats.byTopic.map((row) => Number(row.key)).filter(Number.isFinite));
  for (const row of stats.byTopicDay) topics.add(row.topicNumber);
  const series = [...topics].sort((a, b) => a - b).map(String);
  const days = new Set(daysBetween(stats.firstDay, stats.lastDay));
  for (const row of stats.byTopicDay) days.add(row.day);
  const counts = new Map(stats.byTopicDay.map((row) => [`${row.day}|${row.topicNumber}`, row.count]));
  return columnChart(series, [...days].sort(), (day, topic) => counts.get(`${day}|${topic}`) ?? 0);
}

/** Page views per day, one series. */
export function visitsPerDay(stats: Pick<Stats, 'visitsByDay'>): ColumnChart {
  const counts = new Map(stats.visitsByDay.map((row) => [row.key, row.count]));
  return columnChart(['visits'], [...counts.keys()].sort(), (day) => counts.get(day) ?? 0);
}

/** The busiest column, for a chart's short description; null when every column is empty. */
export function busiest(chart: ColumnChart): Column | null {
  return chart.columns.reduce<Column | null>((best, column) => (column.total > (best?.total ?? 0) ? column : best), null);
}

/** The first `limit` rows, and the rest added up into one count. */
export function topRows(
  rows: readonly { key: string; count: number }[],
  limit: number,
): { shown: { key: string; count: number }[]; rest: number; restRows: number } {
  const shown = rows.slice(0, limit);
  const others = rows.slice(limit);
  return { shown, rest: others.reduce((sum, row) => sum + row.count, 0), restRows: others.length };
}

/**
 * Colours for the topics' series, each at least 3:1 against white (WCAG 1.4.11) and against its
 * neighbours' white separators; the legend and the table name every series in words.
 */
export const TOPIC_COLOURS = ['#0b4f8a', '#b35900', '#1f7a4d', '#8a2a62', '#5b4a9e', '#7a6a00', '#a1262b', '#2f6f7f'] as const;

export const topicColour = (index: number): string => TOPIC_COLOURS[index % TOPIC_COLOURS.length]!;
