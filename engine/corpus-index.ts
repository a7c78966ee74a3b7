import { shingleHashes, winnow } from './shingles';
import { freshArray, runSteps, STEP_MASK, type Steps } from './segments/steps';
import { indexOfSorted } from './sorted';
import { tokenize } from './tokenize';

/** Words per shingle and winnowing window: shared runs of w + k - 1 = 8 words or more are always seen. */
export const SHINGLE_WORDS = 5;
export const WINNOW_WINDOW = 4;

/** Bumped whenever the layout or meaning of the stored index changes, so stored indexes are rebuilt. */
export const INDEX_VERSION = 2;

/**
 * Postings of winnowed word-shingle hashes, as typed arrays so that IndexedDB stores them as they
 * are and a service worker restart loads them without rebuilding.
 * Postings of `keys[i]` are entries offsets[i] .. offsets[i+1]-1 of postDoc / postPos.
 */
export interface CorpusIndex {
  version: typeof INDEX_VERSION;
  k: number;
  w: number;
  ids: string[];
  /** Sorted, unique. */
  keys: Uint32Array;
  /** Keys whose top `bucketBits` bits equal b are keys[buckets[b]] .. keys[buckets[b+1]-1]. */
  bucketBits: number;
  buckets: Uint32Array;
  offsets: Uint32Array;
  /** Index into `ids`. */
  postDoc: Uint32Array;
  /**
   * Character offset of the shingle's first word in the dispatch text: a candidate can then be
   * checked by reading a few words around the hit instead of the whole dispatch.
   */
  postPos: Uint32Array;
  docWords: Uint32Array;
}

export function buildIndex(docs: readonly { id: string; text: string }[]): CorpusIndex {
  return runSteps(buildIndexSteps(docs));
}

/** Dispatches analysed per step (see Steps) when a merge analyses texts again. */
const DOCS_PER_STEP = 16;

/** buildIndex in bounded steps (see Steps). */
export function* buildIndexSteps(docs: readonly { id: string; text: string }[]): Steps<CorpusIndex> {
  const k = SHINGLE_WORDS;
  const w = WINNOW_WINDOW;
  let cap = 1024;
  let hashes: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let docOf: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let posOf: Uint32Array<ArrayBuffer> = new Uint32Array(cap);
  let n = 0;
  const docWords = new Uint32Array(docs.length);
  const seenIds = new Set<string>();
  for (let d = 0; d < docs.length; d++) {
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    const doc = docs[d];
    if (seenIds.has(doc.id)) throw new Error(`buildIndex: duplicate dispatch id "${doc.id}"`);
    seenIds.add(doc.id);
    const tokens = tokenize(doc.text);
    docWords[d] = tokens.count;
    const shingles = shingleHashes(tokens.hashes, k);
    const picked = winnow(shingles, w);
    if (n + picked.length > cap) {
      while (n + picked.length > cap) cap *= 2;
      hashes = grow(hashes, cap);
      docOf = grow(docOf, cap);
      posOf = grow(posOf, cap);
    }
    for (let i = 0; i < picked.length; i++) {
      hashes[n] = shingles[picked[i]];
      docOf[n] = d;
      posOf[n] = tokens.starts[picked[i]];
      n++;
    }
  }
  return yield* indexOfEntriesSteps(
    docs.map((d) => d.id),
    docWords,
    { hashes: hashes.subarray(0, n), docOf: docOf.subarray(0, n), posOf: posOf.subarray(0, n) },
  );
}

/** Postings not yet grouped by key: entry e is hashes[e] at character posOf[e] of dispatch docOf[e]. */
export interface IndexEntries {
  hashes: Uint32Array;
  docOf: Uint32Array;
  posOf: Uint32Array;
}

/**
 * The index of these postings, which come in dispatch order and, within a dispatch, in position
 * order (as winnowing picks them): grouping them by key keeps that order within each key, so an
 * index made from postings gathered elsewhere (a merge of segments) is the one buildIndex makes.
 */
export function indexOfEntries(ids: string[], docWords: Uint32Array, entries: IndexEntries): CorpusIndex {
  return runSteps(indexOfEntriesSteps(ids, docWords, entries));
}

/** indexOfEntries in bounded steps (see Steps): a merge of large segments builds its index so. */
export function* indexOfEntriesSteps(ids: string[], docWords: Uint32Array, { hashes, docOf, posOf }: IndexEntries): Steps<CorpusIndex> {
  const k = SHINGLE_WORDS;
  const w = WINNOW_WINDOW;
  const n = hashes.length;
  const order = yield* radixOrder(hashes);
  const postDoc = new Uint32Array(n);
  const postPos = new Uint32Array(n);
  const keysTmp = new Uint32Array(n);
  const offsetsTmp = new Uint32Array(n + 1);
  yield;
  let unique = 0;
  for (let i = 0; i < n; i++) {
    const e = order[i];
    const h = hashes[e];
    if (unique === 0 || keysTmp[unique - 1] !== h) {
      keysTmp[unique] = h;
      offsetsTmp[unique] = i;
      unique++;
    }
    postDoc[i] = docOf[e];
    postPos[i] = posOf[e];
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  offsetsTmp[unique] = n;
  const keys = keysTmp.slice(0, unique);
  yield;
  const bucketBits = Math.min(22, Math.max(4, Math.ceil(Math.log2(unique + 1)) - 1));
  const buckets = yield* bucketStartsSteps(keys, bucketBits);
  const offsets = offsetsTmp.slice(0, unique + 1);
  yield;
  return {
    version: INDEX_VERSION,
    k,
    w,
    ids,
    keys,
    bucketBits,
    buckets,
    offsets,
    postDoc,
    postPos,
    docWords,
  };
}

/**
 * Index of `key` in the sorted keys, or -1. The bucket of its top bits narrows the search to a
 * couple of keys: a plain binary search over millions of keys costs a cache miss per step.
 */
export function findKey(index: CorpusIndex, key: number): number {
  const b = key >>> (32 - index.bucketBits);
  return indexOfSorted(index.keys, key, index.buckets[b], index.buckets[b + 1] - 1);
}

export function bucketStarts(keys: Uint32Array, bits: number): Uint32Array {
  return runSteps(bucketStartsSteps(keys, bits));
}

function* bucketStartsSteps(keys: Uint32Array, bits: number): Steps<Uint32Array> {
  const size = 2 ** bits;
  const starts = new Uint32Array(size + 1);
  let k = 0;
  for (let b = 0; b <= size; b++) {
    while (k < keys.length && keys[k] >>> (32 - bits) < b) k++;
    starts[b] = k;
    if ((b & STEP_MASK) === STEP_MASK) yield;
  }
  return starts;
}

/** Stable LSD radix sort on 16-bit halves: the order of entries by hash, in linear time. */
function* radixOrder(keys: Uint32Array): Steps<Uint32Array> {
  const n = keys.length;
  let src = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    src[i] = i;
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  let dst = yield* freshArray(n);
  const counts = new Uint32Array(65537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      counts[((keys[src[i]] >>> shift) & 0xffff) + 1]++;
      if ((i & STEP_MASK) === STEP_MASK) yield;
    }
    for (let b = 0; b < 65536; b++) counts[b + 1] += counts[b];
    for (let i = 0; i < n; i++) {
      const e = src[i];
      dst[counts[(keys[e] >>> shift) & 0xffff]++] = e;
      if ((i & STEP_MASK) === STEP_MASK) yield;
    }
    [src, dst] = [dst, src];
  }
  return src;
}

function grow(a: Uint32Array, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
