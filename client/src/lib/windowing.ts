// The arithmetic of a list that renders only the items near the viewport: where each item starts,
// given the heights measured (or guessed) so far, and which items overlap a stretch of the page.

/** `offsets[i]` is where item `i` starts (the heights before it added up); `offsets[n]` is the whole list's height. */
export function offsetsOf(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The first item that ends below `y` (the item `y` falls in), or the item count when none does. */
export function itemAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid + 1]! > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

export interface Range {
  /** the first item rendered */
  start: number;
  /** one past the last item rendered */
  end: number;
}

/**
 * The items that overlap `[top, bottom)`, both measured from the list's top. At least one item
 * while there are any: above the list that is the first, below it the last.
 */
export function rangeFor(offsets: Float64Array, top: number, bottom: number): Range {
  const count = offsets.length - 1;
  if (count === 0) return { start: 0, end: 0 };
  const start = Math.min(itemAt(offsets, top), count - 1);
  const end = Math.min(count, Math.max(start + 1, itemAt(offsets, bottom) + 1));
  return { start, end };
}

/** How far past the viewport the list renders, above and below, in viewport heights. */
export const OVERSCAN = 0.75;

/** The range to render when the list's top is `listTop` pixels below the viewport's top (negative once scrolled past). */
export function visibleRange(offsets: Float64Array, listTop: number, viewportHeight: number, overscan = OVERSCAN): Range {
  const margin = viewportHeight * overscan;
  return rangeFor(offsets, -listTop - margin, -listTop + viewportHeight + margin);
}

/**
 * The height of one unit of weight (one comment shown) learnt from what was measured, used to
 * guess the items never rendered; `fallback` until something is measured.
 */
export function unitHeight(measured: Iterable<{ height: number; weight: number }>, fallback: number): number {
  let height = 0;
  let weight = 0;
  for (const item of measured) {
    height += item.height;
    weight += item.weight;
  }
  return weight > 0 ? height / weight : fallback;
}
