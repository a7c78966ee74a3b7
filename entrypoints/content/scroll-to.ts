/** A box as getBoundingClientRect gives it; only the vertical extent matters here. */
interface Box {
  top: number;
  height: number;
}

/**
 * How far the window scrolls to bring a passage into view: its middle to the middle of the
 * viewport, or, for a passage taller than most of the viewport, its first line a quarter down so
 * the reader starts at its beginning.
 */
export function scrollDelta(passage: Box, viewportHeight: number): number {
  if (passage.height > viewportHeight * 0.6) return passage.top - viewportHeight * 0.25;
  return passage.top + passage.height / 2 - viewportHeight / 2;
}

/**
 * Whether to jump rather than glide: the reader asked the system for less motion, or the page is
 * not shown (the comparison open in a tab of its own), where an animation may not run at all.
 */
function jump(): boolean {
  if (document.visibilityState !== 'visible') return true;
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Scrolls the page to a passage's ranges. An element that fits in the viewport is scrolled into
 * view itself, which also scrolls any scrolling box it sits in; a taller one (a whole article in
 * one block) would centre the block, not the passage, so the window scrolls by the passage's box.
 */
export function scrollToRanges(ranges: Range[]): void {
  const first = ranges[0];
  if (!first) return;
  const behavior: ScrollBehavior = jump() ? 'auto' : 'smooth';
  const top = first.getBoundingClientRect();
  const bottom = ranges[ranges.length - 1].getBoundingClientRect();
  const box = { top: top.top, height: Math.max(top.height, bottom.bottom - top.top) };
  const element = first.startContainer.parentElement;
  if (element && box.height <= innerHeight * 0.6 && element.getBoundingClientRect().height <= innerHeight * 0.6) {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
  } else {
    window.scrollBy({ top: scrollDelta(box, innerHeight), behavior });
  }
}
