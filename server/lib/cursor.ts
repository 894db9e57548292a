import { AppError } from '../errors.ts';

// Every list's `nextCursor` and `after` go through here, one way: an opaque base64url of a JSON
// object naming the position of the last item returned (its sort key and id), checked field by
// field when it comes back. Lists ordered by one increasing integer (a topic's comments by `seq`,
// a summary's versions) say that integer as a plain string instead, as API.md requires for comments.

type Position = Record<string, string>;

/** 400 `invalid_cursor`: for a cursor that decodes but names a position no list has. */
export const invalidCursor = (): AppError => new AppError(400, 'invalid_cursor', 'The `after` cursor is not one this server handed out.');

/** The cursor that continues a list after the item at `position`. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor names, with exactly the string fields `fields`; 400 `invalid_cursor` for anything else. */
export function decodeCursor<F extends string>(cursor: string, fields: readonly F[]): Record<F, string> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof value !== 'object' || value === null) throw invalidCursor();
  const position = {} as Record<F, string>;
  for (const field of fields) {
    const part = (value as Record<string, unknown>)[field];
    if (typeof part !== 'string' || part === '') throw invalidCursor();
    position[field] = part;
  }
  return position;
}

/** The cursor of a list ordered by one increasing integer: the last one returned. */
export const encodeNumberCursor = (last: number): string => String(last);

/** The integer a number cursor names (its format is checked by the route's schema); 400 `invalid_cursor` otherwise. */
export function decodeNumberCursor(cursor: string): number {
  const value = Number(cursor);
  if (!Number.isSafeInteger(value) || value < 0) throw invalidCursor();
  return value;
}
