import { REPORTS_TO_HOLD_MAX } from '../../../shared/dialogues.constants.ts';

export { REPORTS_TO_HOLD_MAX };

/** Watched words as typed, one per line; blank lines and surrounding spaces mean nothing. */
export function wordsFromText(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
}

/** A whole number of reports from 1 to REPORTS_TO_HOLD_MAX, or null. */
export function reportsToHoldFrom(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= REPORTS_TO_HOLD_MAX ? value : null;
}
