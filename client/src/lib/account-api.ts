import type { DeleteAccountBody, PasswordResetConfirmBody } from '../../../shared/account.ts';
import { request } from './api.ts';

// The account's own requests: a forgotten password, a confirmed address, my data, leaving.

/** Asks for a reset link; the server answers alike whether or not the address has an account. */
export async function requestPasswordReset(email: string): Promise<void> {
  await request('POST', '/api/auth/password-reset', { email });
}

/** Sets a new password with the mailed token; 400 `invalid_token` for a used or expired link. */
export async function confirmPasswordReset(body: PasswordResetConfirmBody): Promise<void> {
  await request('POST', '/api/auth/password-reset/confirm', body);
}

/** Mails the signed-in user a link confirming their address; 409 `already_verified`. */
export async function requestVerification(): Promise<void> {
  await request('POST', '/api/auth/verify-email');
}

export async function confirmVerification(token: string): Promise<void> {
  await request('POST', '/api/auth/verify-email/confirm', { token });
}

/** Everything stored about the signed-in user, as a file the browser downloads. */
export const MY_DATA_URL = '/api/auth/me/export';

/** Deletes the signed-in account; 403 `wrong_password`, 409 `last_organizer`. */
export async function deleteAccount(body: DeleteAccountBody): Promise<void> {
  await request('DELETE', '/api/auth/me', body);
}
