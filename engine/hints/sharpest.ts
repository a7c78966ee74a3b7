import type { Hint, HintType } from '../types';

/**
 * How telling a kind of difference is for a reader, most telling first: a hedge or a change of
 * speaker or verb changes what the reader is asked to believe; a missing name or clause often
 * only shortens the story.
 */
const ORDER: readonly HintType[] = ['hedging', 'attribution', 'quotation', 'loaded', 'numbers', 'omission', 'entities'];

/** How telling a kind of difference is: 0 the most telling; lower sorts first. */
export function hintRank(type: HintType): number {
  const at = ORDER.indexOf(type);
  return at < 0 ? ORDER.length : at;
}

/** The hint to show when there is room for one (a hover card), or undefined when there are none. */
export function sharpestHint(hints: readonly Hint[] | undefined): Hint | undefined {
  let best: Hint | undefined;
  for (const h of hints ?? []) if (!best || ORDER.indexOf(h.type) < ORDER.indexOf(best.type)) best = h;
  return best;
}
