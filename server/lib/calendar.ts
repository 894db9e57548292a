/**
 * Calendar days in a dialogue's time zone. A day is written `YYYY-MM-DD`; instants are epoch
 * milliseconds. The window's days run from the day `opensAt` falls on to the day of the window's
 * last instant, so a `closesAt` at local midnight ends the day before.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day, in `timeZone`, on which an instant falls. */
export function localDay(instant: number, timeZone: string): string {
  const parts = dayFormatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const MINUTE = 60_000;
const SEARCH_SPAN_MINUTES = 15 * 60;

/**
 * The first instant of a calendar day in `timeZone`: local midnight, or the first minute that
 * exists when a clock change skips midnight. UTC offsets lie within ±15 hours and are whole
 * minutes, so a binary search over minutes around UTC midnight finds it.
 */
export function startOfLocalDay(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let before = -SEARCH_SPAN_MINUTES; // local day still earlier than `day`
  let after = SEARCH_SPAN_MINUTES; // local day already `day` or later
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (localDay(utcMidnight + middle * MINUTE, timeZone) < day) before = middle;
    else after = middle;
  }
  return utcMidnight + after * MINUTE;
}

/** The day after `day` (calendar arithmetic, no time zone involved). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export interface WindowDays {
  first: string;
  last: string;
}

/** The window's first and last calendar day in `timeZone`; the window is [opensAt, closesAt). */
export function windowDays(opensAt: string, closesAt: string, timeZone: string): WindowDays {
  const opens = Date.parse(opensAt);
  const lastInstant = Math.max(opens, Date.parse(closesAt) - 1);
  return { first: localDay(opens, timeZone), last: localDay(lastInstant, timeZone) };
}

/** Every day from `first` to `last`, both included. */
export function daysFrom({ first, last }: WindowDays): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = nextDay(day)) days.push(day);
  return days;
}

/** Whether `timeZone` is an IANA name this runtime knows (Europe/Zurich, UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
