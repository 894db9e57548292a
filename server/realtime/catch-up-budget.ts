/** The window of the catch-up budget: RATE_LIMIT_CATCH_UP_PER_MINUTE comments per address. */
const WINDOW_MS = 60_000;

export interface CatchUpBudget {
  /** whether this address has used up its catch-up for the current window */
  exhausted(address: string): boolean;
  /**
   * Takes up to `wanted` comments from this address's budget and says how many may be sent.
   * Called with nothing awaited between it and the sending, so parallel joins cannot overspend.
   */
  take(address: string, wanted: number): number;
}

/**
 * Catch-up is the one socket command whose answer grows with the thread, so its volume is
 * budgeted per address on this node, not per socket: a client that closes its socket and opens
 * another finds the same budget spent.
 */
export function createCatchUpBudget(perWindow: number, now: () => number = Date.now): CatchUpBudget {
  const windows = new Map<string, { start: number; used: number }>();
  const current = (address: string) => {
    const at = now();
    let window = windows.get(address);
    if (!window || at - window.start >= WINDOW_MS) {
      // Windows of addresses gone quiet are dropped as new ones open, so the map stays small.
      if (windows.size > 10_000) for (const [key, old] of windows) if (at - old.start >= WINDOW_MS) windows.delete(key);
      window = { start: at, used: 0 };
      windows.set(address, window);
    }
    return window;
  };
  return {
    exhausted: (address) => current(address).used >= perWindow,
    take: (address, wanted) => {
      const window = current(address);
      const granted = Math.max(0, Math.min(wanted, perWindow - window.used));
      window.used += granted;
      return granted;
    },
  };
}
