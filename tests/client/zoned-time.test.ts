import { describe, expect, it } from 'vitest';
import {
  addYears,
  COMMON_TIME_ZONES,
  defaultTimeZone,
  instantFrom,
  isTimeZone,
  offsetLabel,
  timeZoneChoices,
  wallTime,
  zoneOffset,
} from '../../client/src/lib/zoned-time.ts';

const HOUR = 3_600_000;

describe('wallTime and instantFrom, a window entered in the dialogue’s time zone', () => {
  it('reads and writes UTC unchanged', () => {
    expect(wallTime('2026-07-12T09:00:00.000Z', 'UTC')).toBe('2026-07-12T09:00');
    expect(instantFrom('2026-07-12T09:00', 'UTC')).toBe('2026-07-12T09:00:00.000Z');
    expect(instantFrom('2026-12-31T23:59', 'UTC')).toBe('2026-12-31T23:59:00.000Z');
  });

  it('uses Zurich’s winter and summer offsets', () => {
    expect(instantFrom('2026-01-15T09:00', 'Europe/Zurich')).toBe('2026-01-15T08:00:00.000Z');
    expect(instantFrom('2026-07-12T09:00', 'Europe/Zurich')).toBe('2026-07-12T07:00:00.000Z');
    expect(wallTime('2026-07-12T07:00:00.000Z', 'Europe/Zurich')).toBe('2026-07-12T09:00');
    expect(wallTime('2026-01-15T08:00:00.000Z', 'Europe/Zurich')).toBe('2026-01-15T09:00');
  });

  it('crosses the date line both ways', () => {
    expect(wallTime('2026-07-12T22:30:00.000Z', 'Europe/Zurich')).toBe('2026-07-13T00:30');
    expect(instantFrom('2026-07-13T00:30', 'Europe/Zurich')).toBe('2026-07-12T22:30:00.000Z');
    expect(instantFrom('2026-07-12T20:00', 'America/New_York')).toBe('2026-07-13T00:00:00.000Z');
    expect(instantFrom('2026-07-12T09:00', 'Asia/Kolkata')).toBe('2026-07-12T03:30:00.000Z');
  });

  describe('on the spring day in Zurich (29 March 2026, 02:00 becomes 03:00)', () => {
    it('keeps the times on either side of the change', () => {
      expect(instantFrom('2026-03-29T01:59', 'Europe/Zurich')).toBe('2026-03-29T00:59:00.000Z');
      expect(instantFrom('2026-03-29T03:00', 'Europe/Zurich')).toBe('2026-03-29T01:00:00.000Z');
      expect(instantFrom('2026-03-29T12:00', 'Europe/Zurich')).toBe('2026-03-29T10:00:00.000Z');
    });

    it('moves a skipped time forward by the hour the clocks skipped', () => {
      const instant = instantFrom('2026-03-29T02:30', 'Europe/Zurich');
      expect(instant).toBe('2026-03-29T01:30:00.000Z');
      expect(wallTime(instant!, 'Europe/Zurich')).toBe('2026-03-29T03:30');
    });
  });

  describe('on the autumn day in Zurich (25 October 2026, 03:00 goes back to 02:00)', () => {
    it('reads a time that happens twice as its first occurrence', () => {
      expect(instantFrom('2026-10-25T02:30', 'Europe/Zurich')).toBe('2026-10-25T00:30:00.000Z');
      expect(wallTime('2026-10-25T00:30:00.000Z', 'Europe/Zurich')).toBe('2026-10-25T02:30');
      expect(wallTime('2026-10-25T01:30:00.000Z', 'Europe/Zurich')).toBe('2026-10-25T02:30');
    });

    it('keeps the times on either side of the change', () => {
      expect(instantFrom('2026-10-25T01:59', 'Europe/Zurich')).toBe('2026-10-24T23:59:00.000Z');
      expect(instantFrom('2026-10-25T03:00', 'Europe/Zurich')).toBe('2026-10-25T02:00:00.000Z');
    });
  });

  it('round-trips every hour of both change days', () => {
    for (const day of ['2026-03-29', '2026-10-25']) {
      const start = Date.parse(`${day}T00:00:00.000Z`) - 3 * HOUR;
      for (let hour = 0; hour < 30; hour++) {
        const iso = new Date(start + hour * HOUR).toISOString();
        expect(instantFrom(wallTime(iso, 'Europe/Zurich'), 'Europe/Zurich')! <= iso).toBe(true);
        expect(wallTime(instantFrom(wallTime(iso, 'Europe/Zurich'), 'Europe/Zurich')!, 'Europe/Zurich')).toBe(wallTime(iso, 'Europe/Zurich'));
      }
    }
  });

  it('refuses what is not a date and a time', () => {
    expect(instantFrom('', 'UTC')).toBeNull();
    expect(instantFrom('2026-07-12', 'UTC')).toBeNull();
    expect(instantFrom('2026-04-31T10:00', 'UTC')).toBeNull();
    expect(instantFrom('2026-07-12T24:00', 'UTC')).toBeNull();
    expect(instantFrom('2026-07-12T09:00:30', 'UTC')).toBeNull();
  });
});

describe('time zones to choose from', () => {
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Europe/Zurich')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(COMMON_TIME_ZONES.filter((zone) => !isTimeZone(zone))).toEqual([]);
  });

  it('starts from the browser’s zone, or Geneva’s when the browser says only UTC', () => {
    expect(defaultTimeZone('America/Bogota')).toBe('America/Bogota');
    expect(defaultTimeZone('UTC')).toBe('Europe/Zurich');
    expect(defaultTimeZone('Etc/GMT+3')).toBe('Europe/Zurich');
  });

  it('adds the browser’s and the dialogue’s zones once, first, and only real ones', () => {
    const choices = timeZoneChoices('Asia/Kathmandu', 'Europe/Zurich', 'Asia/Kathmandu', 'Nowhere/Land');
    expect(choices[0]).toBe('Asia/Kathmandu');
    expect(choices.filter((zone) => zone === 'Europe/Zurich')).toHaveLength(1);
    expect(choices).not.toContain('Nowhere/Land');
  });

  it('writes offsets the same way in every language', () => {
    expect(offsetLabel('UTC', Date.parse('2026-07-12T00:00:00Z'))).toBe('UTC');
    expect(offsetLabel('Europe/Zurich', Date.parse('2026-07-12T00:00:00Z'))).toBe('UTC+02:00');
    expect(offsetLabel('Europe/Zurich', Date.parse('2026-01-12T00:00:00Z'))).toBe('UTC+01:00');
    expect(offsetLabel('America/St_Johns', Date.parse('2026-01-12T00:00:00Z'))).toBe('UTC−03:30');
    expect(zoneOffset('Asia/Kolkata', Date.parse('2026-01-12T00:00:00Z'))).toBe(5.5 * HOUR);
  });

  it('moves a wall time by whole years', () => {
    expect(addYears('2010-07-12T09:00', 1)).toBe('2011-07-12T09:00');
    expect(addYears('2024-02-29T12:00', 1)).toBe('2025-03-01T12:00');
    expect(addYears('nonsense', 1)).toBeNull();
  });
});
