export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The one time representation stored and sent: ISO 8601 UTC with milliseconds. */
export const toIso = (time: number | Date): string => new Date(time).toISOString();
export const nowIso = (): string => new Date().toISOString();
export const isoMinus = (ms: number): string => toIso(Date.now() - ms);
