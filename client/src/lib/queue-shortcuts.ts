/** What a key does on the moderation queue. */
export type QueueCommand = 'next' | 'previous' | 'approve' | 'hide' | 'decline';

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** the key was pressed while typing: in a text field, a select or editable content */
  typing: boolean;
  /** the focus is inside the queue's list: arrow keys move between items there, and scroll elsewhere */
  inList: boolean;
}

const LETTERS: Record<string, QueueCommand> = { j: 'next', k: 'previous', a: 'approve', h: 'hide', d: 'decline' };
const ARROWS: Record<string, QueueCommand> = { ArrowDown: 'next', ArrowUp: 'previous' };

/**
 * The command a key press stands for, or null. Never while typing (an "a" in a reason is a
 * letter), never with a modifier (Ctrl+D is the browser's), Shift allowed (Caps Lock sends "A").
 */
export function queueCommand(press: KeyPress): QueueCommand | null {
  if (press.typing || press.altKey || press.ctrlKey || press.metaKey) return null;
  if (press.inList && ARROWS[press.key]) return ARROWS[press.key]!;
  return LETTERS[press.key.toLowerCase()] ?? null;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'week', 'time']);

/** Whether keys pressed with this element focused are typed into it. */
export function isTyping(target: { tagName?: string; type?: string; isContentEditable?: boolean } | null): boolean {
  if (!target?.tagName) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((target.type ?? 'text').toLowerCase());
}
