// The header search's button, where the header has no room for the field (SiteSearch.svelte):
// it opens the field under the header, and the field never stays over the page once the reader
// has gone elsewhere: Escape (back to the button), a click or the focus outside the form, a search.
// Fetched on the first press, so that every page's first load does without it.

let closeOpened: (() => void) | undefined;

/** Opens the field the button controls, or closes it. */
export function toggle(button: HTMLButtonElement): void {
  if (closeOpened) {
    closeOpened();
    return;
  }
  const form = button.form;
  if (!form) return;
  const listening = new AbortController();
  const options = { signal: listening.signal };
  const close = (): void => {
    listening.abort();
    closeOpened = undefined;
    button.setAttribute('aria-expanded', 'false');
  };
  const outside = (target: EventTarget | null): boolean => target instanceof Node && !form.contains(target);

  form.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape') return;
      close();
      button.focus();
    },
    options,
  );
  form.addEventListener('focusout', (event) => outside(event.relatedTarget) && close(), options);
  document.addEventListener('click', (event) => outside(event.target) && close(), options);
  form.addEventListener('submit', close, options);
  closeOpened = close;
  button.setAttribute('aria-expanded', 'true');
  form.querySelector('input')?.focus();
}
