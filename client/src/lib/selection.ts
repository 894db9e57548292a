// The text a reader has selected inside one element (a comment's body), as plain text with a
// blank line between blocks: what the quote rules in shared/quote-text.ts compare with the comment.

const BLOCKS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'DIV', 'TABLE', 'TR', 'HR']);

/** The text of a fragment of rendered HTML, blocks kept apart (Range.toString would glue "end.Next"). */
export function fragmentText(node: Node): string {
  let text = '';
  const walk = (current: Node): void => {
    if (current.nodeType === Node.TEXT_NODE) {
      text += current.nodeValue ?? '';
      return;
    }
    const name = current.nodeName;
    if (name === 'BR') {
      text += '\n';
      return;
    }
    const block = BLOCKS.has(name);
    if (block) text += '\n\n';
    for (const child of current.childNodes) walk(child);
    if (block) text += '\n\n';
  };
  walk(node);
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

/** What is selected within `container` (a selection reaching outside is cut at its edges); '' when nothing is. */
export function selectedTextIn(container: Element, selection: Selection | null = document.getSelection()): string {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(container)) return '';
  const inside = range.cloneRange();
  if (!container.contains(range.startContainer)) inside.setStart(container, 0);
  if (!container.contains(range.endContainer)) inside.setEnd(container, container.childNodes.length);
  return fragmentText(inside.cloneContents());
}
