import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.ts';
import { decodeCursor, decodeNumberCursor, encodeCursor, encodeNumberCursor } from '../../server/lib/cursor.ts';

const refused = (decode: () => unknown): void => {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).code).toBe('invalid_cursor');
    return;
  }
  throw new Error('the cursor was accepted');
};

describe('cursors', () => {
  it('gives back the position it encoded, opaque and URL-safe', () => {
    const cursor = encodeCursor({ createdAt: '2026-12-02T10:00:00.000Z', id: 'ab/c+d é' });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['createdAt', 'id'])).toEqual({ createdAt: '2026-12-02T10:00:00.000Z', id: 'ab/c+d é' });
  });

  it('refuses with 400 invalid_cursor what it did not hand out', () => {
    refused(() => decodeCursor('not a cursor!', ['id']));
    refused(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'), ['id']));
    refused(() => decodeCursor(Buffer.from('null').toString('base64url'), ['id']));
    refused(() => decodeCursor(encodeCursor({ id: 'x' }), ['opensAt', 'id']));
    refused(() => decodeCursor(Buffer.from(JSON.stringify({ id: 7 })).toString('base64url'), ['id']));
    refused(() => decodeCursor(encodeCursor({ id: '' }), ['id']));
  });

  it('says a number cursor as the plain integer, as API.md asks for comments', () => {
    expect(encodeNumberCursor(42)).toBe('42');
    expect(decodeNumberCursor('42')).toBe(42);
    refused(() => decodeNumberCursor('4.2'));
    refused(() => decodeNumberCursor('99999999999999999999'));
    refused(() => decodeNumberCursor('-1'));
  });
});
