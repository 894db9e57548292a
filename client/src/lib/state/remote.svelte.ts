/** Server data being fetched: the value once it came, or the error that came instead. */
export class Remote<T> {
  value: T | undefined = $state.raw();
  error: unknown = $state.raw();
  #load: () => Promise<T>;
  #attempt = 0;

  constructor(load: () => Promise<T>) {
    this.#load = load;
    this.reload();
  }

  reload = (): void => {
    const attempt = ++this.#attempt;
    this.value = undefined;
    this.error = undefined;
    // Only the latest attempt may land: an earlier, slower answer must not overwrite it.
    this.#load().then(
      (value) => {
        if (attempt === this.#attempt) this.value = value;
      },
      (error: unknown) => {
        if (attempt === this.#attempt) this.error = error ?? new Error('failed');
      },
    );
  };
}
