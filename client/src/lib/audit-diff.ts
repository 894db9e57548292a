/** One field of an audit entry's before/after, as recorded (undefined: not in that state). */
export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether two recorded values are the same (nothing recorded and null are). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an audit entry changed, in the order the states name them. Where both states are
 * objects, only the changed fields are listed (a dialogue's update records the whole dialogue);
 * a state that is not an object is one row with an empty key.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) {
    return [{ key: '', before, after, changed: !sameValue(before, after) }];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = keys.map((key) => ({ key, before: before?.[key], after: after?.[key], changed: !sameValue(before?.[key], after?.[key]) }));
  const changed = rows.filter((row) => row.changed);
  return changed.length > 0 ? changed : rows;
}
