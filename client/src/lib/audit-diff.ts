/** One field of an audit entry's before/after, as text ("" for nothing). */
export interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value as a moderator reads it: lists joined, nothing as "". */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((element) => typeof element !== 'object' || element === null)) return value.map(showValue).join(', ');
  return JSON.stringify(value);
}

/**
 * The fields an audit entry changed, in the order the states name them. Where both states are
 * objects, only the changed fields are listed (a dialogue's update records the whole dialogue);
 * a state that is not an object is one row with an empty key.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (before == null && after == null) return [];
  if (!(isRecord(before) || before == null) || !(isRecord(after) || after == null)) {
    const [b, a] = [showValue(before), showValue(after)];
    return [{ key: '', before: b, after: a, changed: b !== a }];
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = keys.map((key) => {
    const b = showValue(before?.[key]);
    const a = showValue(after?.[key]);
    return { key, before: b, after: a, changed: b !== a };
  });
  const changed = rows.filter((row) => row.changed);
  return changed.length > 0 ? changed : rows;
}
