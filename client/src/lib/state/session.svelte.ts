import type { User } from '../../../../shared/users.ts';
import { me } from '../api.ts';

/** Who is signed in, if anyone. */
class Session {
  user: User | null = $state.raw(null);

  constructor() {
    // A failed check shows the reader as a visitor, which is what they can do anyway.
    me().then(
      (user) => (this.user = user),
      () => undefined,
    );
  }
}

export const session = new Session();
