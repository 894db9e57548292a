import type { LoginBody, ProfilePatch, RegisterBody, User } from '../../../../shared/users.ts';
import { ApiError, login, logout, me, register, updateProfile } from '../api.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import type { Locale } from '../i18n/locales.ts';
import { loadConnection } from '../realtime-loader.ts';

// The socket's handshake carries the session cookie: a new session needs a new handshake.
function renewConnection(): void {
  void loadConnection().then((connection) => connection.renew());
}

/** Who is signed in, if anyone; the only place that signs people in and out. */
class Session {
  user: User | null = $state.raw(null);
  /** Whether the first check has answered: until then a signed-in reader looks like a visitor. */
  known = $state(false);

  constructor() {
    // A failed check shows the reader as a visitor, which is what they can do anyway.
    me()
      .then(
        (user) => this.#adopt(user),
        () => undefined,
      )
      .finally(() => (this.known = true));
  }

  async register(body: RegisterBody): Promise<void> {
    this.#adopt(await register(body));
    renewConnection();
  }

  async signIn(body: LoginBody): Promise<void> {
    this.#adopt(await login(body));
    renewConnection();
  }

  async signOut(): Promise<void> {
    try {
      await logout();
    } catch (error) {
      // A session that already ended (expired, signed out elsewhere) is what was asked for.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    this.user = null;
    renewConnection();
  }

  async update(patch: ProfilePatch): Promise<void> {
    this.#adopt(await updateProfile(patch));
  }

  /** Reads the profile again (an address confirmed in another tab, say). */
  async refresh(): Promise<void> {
    this.#adopt(await me());
  }

  /** After the account was deleted: the server has ended the session already. */
  forget(): void {
    this.user = null;
    renewConnection();
  }

  /**
   * Switches the interface language; a signed-in user's profile keeps it for their other devices.
   * Failing to save it there must not undo the switch the reader sees, so that failure is ignored.
   */
  chooseLanguage(locale: Locale): void {
    void i18n.choose(locale);
    if (this.user && this.user.language !== locale) this.update({ language: locale }).catch(() => undefined);
  }

  // The profile's language outranks the device's saved choice and the browser's.
  #adopt(user: User | null): void {
    this.user = user;
    if (user) void i18n.choose(user.language);
    if (user?.timeZone === null) this.#tellTimeZone();
  }

  #timeZoneTold = false;

  // Digests go out at a sensible hour where the reader lives: the browser knows where that is.
  // Told once, when the profile has no time zone yet; a failure changes nothing the reader sees.
  #tellTimeZone(): void {
    if (this.#timeZoneTold) return;
    this.#timeZoneTold = true;
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone) return;
    // Only the time zone is taken from the answer: a language chosen meanwhile must stay.
    updateProfile({ timeZone }).then(
      (saved) => {
        if (this.user?.id === saved.id) this.user = { ...this.user, timeZone: saved.timeZone };
      },
      () => undefined,
    );
  }
}

export const session = new Session();
