import { BIT_PAD } from './bits';
import { forEachPackedKey, type PackedText } from './packed-text';
import { runSteps, type Steps } from './steps';

/** Blocks of the packed index walked per step for its common keys (see Steps). */
const COMMON_BLOCKS_PER_STEP = 1024;

/**
 * How much of the postings a sample keeps: about 1 in SAMPLE_FRACTION of every dispatch's, those of
 * the lowest keys. Shingle hashes are uniform, but winnowing keeps the least of each window, so the
 * stored keys crowd low (see sampleBound). A page that shares a passage of 100 words (about 40
 * fingerprints) with a dispatch still meets it about ten times in the sample, while a cold worker
 * reads a quarter of the text index.
 */
export const SAMPLE_FRACTION = 4;

/**
 * A key in at least this many postings of a segment is a "common key" of it: the sample keeps its
 * count, so that stock phrases can be dropped from the exact hits of candidates (see matchSampled)
 * without the postings of the whole segment. Match drops a key whose live postings outnumber
 * max(16, dispatches / 100); a key below this count in every segment is missed by the sum, which
 * is then short by at most segments × (COMMON_POSTINGS - 1).
 */
export const COMMON_POSTINGS = 16;

/**
 * What a cold worker reads of a segment's text index before the rest: the postings of the lowest
 * 1/fraction of key space (a prefix of the packed index, which is sorted by key, read the same way)
 * and the counts of the segment's common keys.
 */
export interface TextSample {
  /** Keys below this bound are in `text` with all their postings; `text` may hold a few keys above it. */
  bound: number;
  /** The sampled prefix of the segment's packed text index (same ids, k, w). */
  text: PackedText;
  /** Keys with at least COMMON_POSTINGS postings, increasing, and their postings counts. */
  commonKeys: Uint32Array;
  commonCounts: Uint32Array;
}

/**
 * The key bound below which about 1/fraction of the postings lie. A winnowed key is the least of
 * its window: keys below x (as a share of key space) hold about 1 - (1 - x)^2.5 of the postings
 * (measured on real text with k = 5, w = 4: density (w + 1) / 2 near 0), hence the inverse.
 */
export function sampleBound(fraction: number): number {
  return Math.floor(2 ** 32 * (1 - (1 - 1 / fraction) ** (1 / 2.5)));
}

/** The sample of a packed text index: no posting is decoded, the prefix is copied as it is. */
export function sampleOf(p: PackedText, fraction = SAMPLE_FRACTION): TextSample {
  return runSteps(sampleOfSteps(p, fraction));
}

/** sampleOf in bounded steps (see Steps): finding the common keys walks every key of the index. */
export function* sampleOfSteps(p: PackedText, fraction = SAMPLE_FRACTION): Steps<TextSample> {
  const common = yield* commonKeysOfSteps(p);
  const bound = sampleBound(fraction);
  // Blocks starting below the bound; the last may run past it, which only adds keys never looked up.
  let blocks = 0;
  while (blocks < p.blockKey.length && p.blockKey[blocks] < bound) blocks++;
  const end = p.blockAt[blocks];
  // The prefix ends with zero bytes, as a packed index does, so its last posting is read whole-word.
  const data = new Uint8Array(end + BIT_PAD);
  data.set(p.data.subarray(0, end));
  // The whole index's filter is left out: it would hold the segment's memory in the sample.
  const { filter: _whole, ...rest } = p;
  const text: PackedText = {
    ...rest,
    keyCount: Math.min(p.keyCount, blocks * p.block),
    blockKey: p.blockKey.slice(0, blocks),
    blockAt: p.blockAt.slice(0, blocks + 1),
    data,
  };
  return { bound, text, ...common };
}

/** The keys of a packed index with at least COMMON_POSTINGS postings, and their counts. */
export function commonKeysOf(p: PackedText): { commonKeys: Uint32Array; commonCounts: Uint32Array } {
  return runSteps(commonKeysOfSteps(p));
}

function* commonKeysOfSteps(p: PackedText): Steps<{ commonKeys: Uint32Array; commonCounts: Uint32Array }> {
  const keys: number[] = [];
  const counts: number[] = [];
  const each = (key: number, count: number) => {
    if (count < COMMON_POSTINGS) return;
    keys.push(key);
    counts.push(count);
  };
  for (let b = 0; b < p.blockKey.length; b += COMMON_BLOCKS_PER_STEP) {
    forEachPackedKey(p, each, b, b + COMMON_BLOCKS_PER_STEP);
    yield;
  }
  return { commonKeys: Uint32Array.from(keys), commonCounts: Uint32Array.from(counts) };
}

/** Postings count of `key` among a sample's common keys, or 0. */
export function commonCount(s: TextSample, key: number): number {
  const keys = s.commonKeys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else if (keys[mid] > key) hi = mid - 1;
    else return s.commonCounts[mid];
  }
  return 0;
}
