const DAY_MS = 86_400_000;

/** A day as YYYY-MM-DD in the reader's zone, as date inputs take it. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The suspension form's default: a week from today. */
export function defaultUntil(now = Date.now()): string {
  return localDay(new Date(now + 7 * DAY_MS));
}

/**
 * A suspension "until" a day lasts through that day: it ends at the next midnight, the moderator's
 * time. Null for anything but a day that is still to end.
 */
export function untilIso(day: string, now = Date.now()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return end.getTime() > now ? end.toISOString() : null;
}
