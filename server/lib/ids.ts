import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 120 random bits as 24 lower-case base32 characters: ids, session ids and secrets, visitor ids. */
export function randomToken(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export const newId = randomToken;
