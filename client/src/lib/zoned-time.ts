// A dialogue's window is stored as two UTC instants and entered as wall-clock times in the
// dialogue's IANA time zone (what an <input type="datetime-local"> holds: `YYYY-MM-DDTHH:mm`).
// Intl knows every zone's rules; these functions turn one into the other, daylight saving included.

/** A wall-clock time to the minute, as `<input type="datetime-local">` reads and writes it. */
export const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(zone, format);
  }
  return format;
}

/** The wall clock of `zone` at `time`, read as if it were UTC (milliseconds). */
function wallClockAt(time: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(time)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** How far `zone` is ahead of UTC at `time`, in milliseconds (Zurich in summer: two hours). */
export function zoneOffset(zone: string, time: number): number {
  return wallClockAt(time, zone) - Math.floor(time / 1000) * 1000;
}

/** Whether Intl knows `zone` as a time zone (an IANA name such as Europe/Zurich, or UTC). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the browser's clock is set to. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

function wallText(clock: number): string {
  const date = new Date(clock);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** The wall-clock time an instant shows in `zone`, to the minute: `2026-07-12T09:00`. */
export function wallTime(iso: string, zone: string): string {
  return wallText(wallClockAt(Date.parse(iso), zone));
}

/** A wall-clock time read as UTC milliseconds, or null when it is not a real date and time (31 April, 24:00). */
function wallClock(wall: string): number | null {
  const match = WALL_TIME.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const clock = Date.UTC(year, month - 1, day, hour, minute);
  return wallText(clock) === wall ? clock : null;
}

/**
 * The instant (ISO, UTC) at which `zone`'s clocks show `wall`, or null when `wall` is not a
 * date and time. Around daylight saving changes it does what people expect: a time that happens
 * twice (the autumn night) is its first occurrence; a time skipped (the spring night) is read
 * with the offset before the change, so 02:30 on the spring day in Zurich is 03:30.
 */
export function instantFrom(wall: string, zone: string): string | null {
  const clock = wallClock(wall);
  if (clock === null) return null;
  // The zone's offsets a day either side cover any change near this time.
  const offsets = [...new Set([zoneOffset(zone, clock - DAY), zoneOffset(zone, clock), zoneOffset(zone, clock + DAY)])];
  const matching = offsets.map((offset) => clock - offset).filter((time) => wallClockAt(time, zone) === clock);
  if (matching.length > 0) return new Date(Math.min(...matching)).toISOString();
  return new Date(clock - zoneOffset(zone, clock - DAY)).toISOString();
}

/** The same wall-clock time `years` later (29 February falls on 1 March). */
export function addYears(wall: string, years: number): string | null {
  const clock = wallClock(wall);
  if (clock === null) return null;
  const date = new Date(clock);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return wallText(date.getTime());
}

/** A zone's offset from UTC written the same way in every language: `UTC+02:00`, `UTC−03:30`. */
export function offsetLabel(zone: string, time: number): string {
  const minutes = Math.round(zoneOffset(zone, time) / MINUTE);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Zones organizers commonly pick, west to east; the browser's and the dialogue's own join them. */
export const COMMON_TIME_ZONES = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Bogota',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'UTC',
  'Africa/Dakar',
  'Europe/London',
  'Africa/Lagos',
  'Europe/Madrid',
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Berlin',
  'Europe/Zurich',
  'Europe/Rome',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Manila',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
] as const;

/** The zone a new dialogue starts in: the browser's, unless that is plain UTC (a server, a test), then Geneva's. */
export function defaultTimeZone(browser: string = browserTimeZone()): string {
  return browser.includes('/') && !browser.startsWith('Etc/') ? browser : 'Europe/Zurich';
}

/** The zones to choose from: the common ones, then those `also` names that are missing (the browser's, the dialogue's). */
export function timeZoneChoices(...also: string[]): string[] {
  const extra = also.filter((zone) => isTimeZone(zone) && !(COMMON_TIME_ZONES as readonly string[]).includes(zone));
  return [...new Set(extra), ...COMMON_TIME_ZONES];
}
