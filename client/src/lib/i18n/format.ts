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
export function createFormats(locale: string, timeZone?: string) {
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

  return {
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
    plural: (n: number): Intl.LDMLPluralRule => plurals.select(n),
  };
}

export type Formats = ReturnType<typeof createFormats>;
