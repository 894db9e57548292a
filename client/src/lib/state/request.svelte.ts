/** One request that can be made again: running, done, or refused with an error. */
export class Request {
  running = $state(false);
  done = $state(false);
  error: unknown = $state.raw();

  /** Runs `action` unless it is running already; whether it went through. */
  async run(action: () => Promise<void>): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    this.done = false;
    this.error = undefined;
    try {
      await action();
      this.done = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.running = false;
    }
    return this.done;
  }
}
