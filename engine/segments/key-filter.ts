/**
 * The key filter of a packed text index: which keys may be in it, so that a look-up of a key it
 * rules out reads nothing else (see seekPacked in packed-text.ts).
 */

/**
 * Filter bits per key: about 6% of absent keys pass. Four bits would let about 17% pass and save
 * about 6 MB at 100,000 dispatches, but make a match 7 to 18% slower. Indexes stored with another
 * number of bits per key are read as they are (mayHold reads the size).
 */
export const FILTER_BITS = 8;

/**
 * A page's fingerprints are looked up in every segment and nearly all are absent from each, so a
 * look-up was mostly cache misses spent learning that (the block table, the block key, where the
 * block is, its key gaps). The filter answers most of them with one: a key sets two bits of one
 * 32-bit word, both chosen by a mix of the key (keys are winnowed hashes, far from uniform).
 */
function filterMix(key: number): number {
  const h = Math.imul(key ^ (key >>> 16), 0x85ebca6b);
  const g = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (g ^ (g >>> 16)) >>> 0;
}

/** The word of a mixed key: its high bits, scaled to the words (exact: under 2^53). */
const filterWord = (h: number, words: number) => Math.floor(h * words * 2 ** -32);
/** Its two bits: from its low bits. */
const filterBits = (h: number) => ((1 << (h & 31)) | (1 << ((h >>> 5) & 31))) >>> 0;

export function buildFilter(keys: Uint32Array): Uint32Array {
  const filter = new Uint32Array(Math.max(1, Math.ceil((keys.length * FILTER_BITS) / 32)));
  for (let i = 0; i < keys.length; i++) {
    const h = filterMix(keys[i]);
    filter[filterWord(h, filter.length)] |= filterBits(h);
  }
  return filter;
}

/** False when `key` is surely not in the index the filter was made for. */
export function mayHold(filter: Uint32Array, key: number): boolean {
  const h = filterMix(key);
  const bits = filterBits(h);
  return ((filter[filterWord(h, filter.length)] & bits) >>> 0) === bits;
}
