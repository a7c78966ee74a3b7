import { termHash } from './facts-rules';
import type { FactSentence } from './terms';

/** Hashes of every time of day a sentence can give (terms "h:19:50", terms.ts). */
export const CLOCK_HASHES: ReadonlySet<number> = new Set(Array.from({ length: 25 * 60 }, (_, m) => termHash(`h:${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`)));

const cache = new WeakMap<FactSentence, boolean>();

/** Whether a page sentence gives a time of day. */
export function givesClock(sentence: FactSentence): boolean {
  let clock = cache.get(sentence);
  if (clock === undefined) cache.set(sentence, (clock = sentence.hits.some((h) => h.key.startsWith('h:'))));
  return clock;
}
