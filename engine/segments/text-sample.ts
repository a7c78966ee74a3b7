import type { PackedText } from './packed-text';
import { ByteReader } from './varint';

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
  const bound = sampleBound(fraction);
  // Blocks starting below the bound; the last may run past it, which only adds keys never looked up.
  let blocks = 0;
  while (blocks < p.blockKey.length && p.blockKey[blocks] < bound) blocks++;
  const end = p.blockAt[blocks];
  const text: PackedText = {
    ...p,
    blockKey: p.blockKey.slice(0, blocks),
    blockAt: p.blockAt.slice(0, blocks + 1),
    data: p.data.slice(0, end),
  };
  return { bound, text, ...commonKeysOf(p) };
}

/** The keys of a packed index with at least COMMON_POSTINGS postings, and their counts. */
export function commonKeysOf(p: PackedText): { commonKeys: Uint32Array; commonCounts: Uint32Array } {
  const keys: number[] = [];
  const counts: number[] = [];
  // Read once per segment build, not per page: the shared reader, not an inlined loop.
  const r = new ByteReader(p.data);
  for (let b = 0; b < p.blockKey.length; b++) {
    r.pos = p.blockAt[b];
    const end = p.blockAt[b + 1];
    let key = p.blockKey[b];
    while (r.pos < end) {
      key += r.varint();
      const count = r.varint();
      if (count >= COMMON_POSTINGS) {
        keys.push(key);
        counts.push(count);
      }
      for (let skip = count * 2; skip > 0; r.pos++) if (!(r.buf[r.pos] & 0x80)) skip--;
    }
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
