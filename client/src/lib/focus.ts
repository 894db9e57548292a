import { tick } from 'svelte';

/** Gives the keyboard focus to an element once the page shows the change just made (a form closed, a comment posted). */
export async function focusWhenShown(id: string): Promise<void> {
  await tick();
  document.getElementById(id)?.focus();
}
