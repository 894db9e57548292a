// Apart from localized.ts: only the pages that set a text inside a message need it, and the topic
// page, near its size budget, does not.

/** Stands for a text inside a message, to find where the message puts it. A private-use character: no translation has one. */
const MARK = '\u{E000}';

/**
 * A message split around the text it inserts (`fill` is called with a marker to put in its
 * placeholder), so that the text can sit in an element of its own with its own `lang`:
 * "Theme: " + theme + "".
 */
export function around(fill: (marker: string) => string): [before: string, after: string] {
  const message = fill(MARK);
  const at = message.indexOf(MARK);
  return at < 0 ? [message, ''] : [message.slice(0, at), message.slice(at + MARK.length)];
}
