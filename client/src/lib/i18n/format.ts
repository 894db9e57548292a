const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RelativeParts {
  value: number;
  unit: 'day' | 'hour' | 'minute';
}

/** How far `target` is from `now`, in the largest whole unit that fits (never "0 minutes"). */
export function relativeParts(target: number, now: number): RelativeParts {
  const diff = target - now;
  const sign = diff < 0 ? -1 : 1;
  const abs = Math.abs(diff);
  if (abs >= DAY) return { value: sign * Math.round(abs / DAY), unit: 'day' };
  if (abs >= HOUR) return { value: sign * Math.round(abs / HOUR), unit: 'hour' };
  return { value: sign * Math.max(1, Math.round(abs / MINUTE)), unit: 'minute' };
}

/**
 * Intl formatters for one locale (a BCP 47 tag: `fr`, or a regional `en-GB`). `timeZone` is left undefined in the app so that times show
 * in the reader's own zone; tests pin it.
 */
export function createFormats(locale: string, timeZone?: string): Formats {
  const zone = timeZone === undefined ? {} : { timeZone };
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...zone });
  const days = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', ...zone });
  const daysAndTimes = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...zone,
  });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  const number = new Intl.NumberFormat(locale);
  const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const plurals = new Intl.PluralRules(locale);
  // Durations name their unit in the number's own plural ("1 minute", "15 minutes"), so messages need no plural forms for them.
  const duration = (unit: 'day' | 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
  const [dayCount, minuteCount, secondCount] = [duration('day'), duration('minute'), duration('second')];
  const zoned = new Map<string, Formats>();

  const formats = {
    timeZone: dateTime.resolvedOptions().timeZone,
    dateTime: (iso: string): string => dateTime.format(new Date(iso)),
    date: (iso: string): string => date.format(new Date(iso)),
    /** A dated window, "July 12 – 25, 2026". */
    dayRange: (startIso: string, endIso: string): string => days.formatRange(new Date(startIso), new Date(endIso)),
    /** The same to the minute, with the zone's short name. */
    timeRange: (startIso: string, endIso: string): string => daysAndTimes.formatRange(new Date(startIso), new Date(endIso)),
    /** "in 3 days", "2 hours ago". */
    relative: (iso: string, now: number): string => {
      const { value, unit } = relativeParts(Date.parse(iso), now);
      return relative.format(value, unit);
    },
    number: (n: number): string => number.format(n),
    country: (code: string): string => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    languages: (codes: readonly string[]): string => list.format(codes.map((code) => languages.of(code) ?? code)),
    /** "a, b and c" */
    list: (items: readonly string[]): string => list.format(items),
    /** A language's name ("French"), in this locale. */
    language: (code: string): string => languages.of(code) ?? code,
    plural: (n: number): Intl.LDMLPluralRule => plurals.select(n),
    /** "1 day", "14 days" */
    days: (n: number): string => dayCount.format(n),
    /** "1 minute", "15 minutes" */
    minutes: (n: number): string => minuteCount.format(n),
    /** "1 second", "30 seconds" */
    seconds: (n: number): string => secondCount.format(n),
    /**
     * The same formats in another time zone (a dialogue's own), in the same regional variant: an
     * en-GB reader reads the dialogue's hours as "2 December 2026 at 11:37 CET", not the US way.
     */
    inZone: (zone: string): Formats => {
      let found = zoned.get(zone);
      if (!found) {
        found = createFormats(locale, zone);
        zoned.set(zone, found);
      }
      return found;
    },
  };
  return formats;
}

export interface Formats {
  timeZone: string;
  dateTime(iso: string): string;
  date(iso: string): string;
  dayRange(startIso: string, endIso: string): string;
  timeRange(startIso: string, endIso: string): string;
  relative(iso: string, now: number): string;
  number(n: number): string;
  country(code: string): string;
  languages(codes: readonly string[]): string;
  list(items: readonly string[]): string;
  language(code: string): string;
  plural(n: number): Intl.LDMLPluralRule;
  days(n: number): string;
  minutes(n: number): string;
  seconds(n: number): string;
  inZone(zone: string): Formats;
}
