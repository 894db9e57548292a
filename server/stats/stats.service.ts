import { continentOf } from '../../shared/continents.ts';
import type { KeyCount, Stats } from '../../shared/stats.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { visibleDialogue } from '../dialogues/dialogues.service.ts';
import { daysFrom, startOfLocalDay, windowDays } from '../lib/calendar.ts';
import { toIso } from '../lib/time.ts';
import {
  commentsByTopicDay,
  participantsByCountryAndAffiliation,
  topicNumbers,
  visitsByDay,
  visitTotals,
  type DayBucket,
  type TimeWindow,
} from './stats.repository.ts';

/** Sums counts per key, most first, then by key. */
function tally(entries: Iterable<{ key: string; count: number }>): KeyCount[] {
  const totals = new Map<string, number>();
  for (const { key, count } of entries) totals.set(key, (totals.get(key) ?? 0) + count);
  return [...totals].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every day of the window with its count, zeros included. */
function perDay(days: readonly DayBucket[], counts: Iterable<{ day: string; count: number }>): KeyCount[] {
  const byDay = new Map<string, number>();
  for (const { day, count } of counts) byDay.set(day, (byDay.get(day) ?? 0) + count);
  return days.map(({ day }) => ({ key: day, count: byDay.get(day) ?? 0 }));
}

/**
 * The organizer's numbers for one dialogue, all counted inside its window: page views, visitors,
 * published comments and the people, countries, affiliations and continents behind them.
 */
export async function dialogueStats(ctx: Ctx, viewer: Viewer, slug: string): Promise<Stats> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  const timeZone = dialogue.time_zone;
  const window: TimeWindow = { from: dialogue.opens_at, to: dialogue.closes_at };
  const span = windowDays(dialogue.opens_at, dialogue.closes_at, timeZone);
  const days: DayBucket[] = daysFrom(span).map((day) => ({ day, startsAt: toIso(startOfLocalDay(day, timeZone)) }));

  const [topics, visits, visitDays, topicDays, people] = await Promise.all([
    topicNumbers(ctx.db, dialogue.id),
    visitTotals(ctx.db, dialogue.id, window),
    visitsByDay(ctx.db, dialogue.id, window, days),
    commentsByTopicDay(ctx.db, dialogue.id, window, days),
    participantsByCountryAndAffiliation(ctx.db, dialogue.id, window),
  ]);

  const commentsPerTopic = new Map<number, number>();
  for (const { topicNumber, count } of topicDays) commentsPerTopic.set(topicNumber, (commentsPerTopic.get(topicNumber) ?? 0) + count);
  const byCountry = tally(people.map(({ country, count }) => ({ key: country, count })));

  return {
    visits: visits.visits,
    uniqueVisitors: visits.uniqueVisitors,
    comments: topicDays.reduce((sum, row) => sum + row.count, 0),
    participants: people.reduce((sum, row) => sum + row.count, 0),
    countries: byCountry.length,
    byTopic: topics.map((topic) => ({ key: String(topic.number), count: commentsPerTopic.get(topic.number) ?? 0 })),
    byDay: perDay(days, topicDays),
    byCountry,
    byAffiliation: tally(people.map(({ affiliation, count }) => ({ key: affiliation ?? 'unspecified', count }))),
    byContinent: tally(byCountry.map(({ key, count }) => ({ key: continentOf(key) ?? 'unknown', count }))),
    byTopicDay: [...topicDays].sort((a, b) => a.topicNumber - b.topicNumber || (a.day < b.day ? -1 : 1)),
    visitsByDay: perDay(days, visitDays),
    timeZone,
    firstDay: span.first,
    lastDay: span.last,
  };
}
