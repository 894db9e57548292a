import type { RealtimeLog } from './io.ts';

/** Coalesces bursts of calls per key into one run, `delayMs` after the first; failures are logged. */
export function debounced(delayMs: number, run: (key: string) => Promise<void>, log: RealtimeLog): (key: string) => void {
  const waiting = new Set<string>();
  return (key) => {
    if (waiting.has(key)) return;
    waiting.add(key);
    setTimeout(() => {
      waiting.delete(key);
      run(key).catch((err: unknown) => log.warn({ err, key }, 'realtime update failed'));
    }, delayMs).unref();
  };
}
