const TICK_MS = 60_000;

/** The current time, a minute at a time: enough for "closes in 3 hours" to stay true. */
class Clock {
  now = $state(Date.now());

  constructor() {
    setInterval(() => (this.now = Date.now()), TICK_MS);
  }
}

export const clock = new Clock();
