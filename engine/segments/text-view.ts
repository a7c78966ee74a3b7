import { findKey, SHINGLE_WORDS, WINNOW_WINDOW, type CorpusIndex } from '../corpus-index';
import { readBits } from './bits';
import { countDeadPostings, isPacked, seekPacked, type PackedText } from './packed-text';

/** One immutable text index and the dispatches of it that were removed since it was built. */
export interface TextPart {
  /** Plain arrays (an index built whole) or packed (a segment as stored). */
  index: CorpusIndex | PackedText;
  /** 1 for a removed dispatch (by its position in index.ids), or null when none was removed. */
  dead: Uint8Array | null;
}

/**
 * The text index of a corpus held in several segments: what `match` reads. A dispatch is named by
 * a handle (its segment's first handle + its position there); posting counts, which decide what
 * is a stock phrase, are summed over the segments without the removed dispatches, so a lookup
 * gives what one index of the live dispatches would give.
 */
export class TextView {
  readonly k: number;
  readonly w: number;
  /** Live dispatches. */
  readonly size: number;
  readonly parts: readonly TextPart[];
  /** First handle of each part. */
  readonly bases: Uint32Array;
  /**
   * Per fingerprint looked up (a row) and part: where its postings are (a packed part's bit offset,
   * a plain part's key, -1 when absent) and how many there are. Grown as pages need, reused.
   */
  private at = new Float64Array(0);
  private count = new Uint32Array(0);
  private readonly found = new Float64Array(2);

  constructor(parts: readonly TextPart[]) {
    this.parts = parts;
    this.k = parts[0]?.index.k ?? SHINGLE_WORDS;
    this.w = parts[0]?.index.w ?? WINNOW_WINDOW;
    this.bases = new Uint32Array(parts.length + 1);
    let size = 0;
    parts.forEach((p, g) => {
      if (p.index.k !== this.k || p.index.w !== this.w) throw new Error('TextView: segments of other shingle sizes');
      this.bases[g + 1] = this.bases[g] + p.index.ids.length;
      size += p.index.ids.length - (p.dead ? countOnes(p.dead) : 0);
    });
    this.size = size;
  }

  /** Id of the dispatch behind a handle. */
  idOf(handle: number): string {
    const g = partOf(this.bases, handle);
    return this.parts[g].index.ids[handle - this.bases[g]];
  }

  /**
   * Calls `visit(handle)` for every live posting of `hash` (twice for a dispatch where winnowing
   * picked it twice), in the order one index of the live dispatches would list them, unless the
   * live postings outnumber `limit` (a stock phrase): then nothing is visited and false is returned.
   */
  postings(hash: number, limit: number, visit: (handle: number) => void): boolean {
    this.rows(1);
    for (let g = 0; g < this.parts.length; g++) this.find(g, hash, 0);
    return this.visitRow(0, limit, visit);
  }

  /**
   * `postings` of each of `hashes` in turn, `visit` told the index of the hash (stock phrases
   * visit nothing). Each distinct hash is looked up once per part, part by part and in increasing
   * order, so that one part's filter and block table are read while they are in cache.
   */
  postingsOf(hashes: Uint32Array, limit: number, visit: (i: number, handle: number) => void): void {
    const n = hashes.length;
    if (n >= 2 ** 21) {
      for (let i = 0; i < n; i++) this.postings(hashes[i], limit, (handle) => visit(i, handle));
      return;
    }
    // Hash and page index in one exactly representable number (hashes < 2^32, pages < 2^21 hashes).
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = hashes[i] * 2 ** 21 + i;
    order.sort();
    const row = new Uint32Array(n);
    const distinct = new Float64Array(n);
    let m = 0;
    for (let s = 0; s < n; s++) {
      const i = order[s] % 2 ** 21;
      const hash = hashes[i];
      if (m === 0 || distinct[m - 1] !== hash) distinct[m++] = hash;
      row[i] = m - 1;
    }
    this.rows(m);
    for (let g = 0; g < this.parts.length; g++) for (let r = 0; r < m; r++) this.find(g, distinct[r], r);
    let i = 0;
    const each = (handle: number) => visit(i, handle);
    for (; i < n; i++) this.visitRow(row[i], limit, each);
  }

  private rows(m: number): void {
    const size = m * this.parts.length;
    if (this.at.length >= size) return;
    this.at = new Float64Array(size);
    this.count = new Uint32Array(size);
  }

  /** Looks up `hash` in part g into row r. */
  private find(g: number, hash: number, r: number): void {
    const ix = this.parts[g].index;
    const cell = r * this.parts.length + g;
    if (isPacked(ix)) {
      const found = this.found;
      seekPacked(ix, hash, found);
      this.at[cell] = found[1] > 0 ? found[0] : -1;
      this.count[cell] = found[1];
      return;
    }
    const key = findKey(ix, hash);
    this.at[cell] = key;
    this.count[cell] = key >= 0 ? ix.offsets[key + 1] - ix.offsets[key] : 0;
  }

  private visitRow(r: number, limit: number, visit: (handle: number) => void): boolean {
    const parts = this.parts;
    const first = r * parts.length;
    const at = this.at;
    const counts = this.count;
    let raw = 0;
    let someDead = false;
    for (let g = 0; g < parts.length; g++) {
      if (at[first + g] < 0) continue;
      raw += counts[first + g];
      if (parts[g].dead) someDead = true;
    }
    if (raw === 0) return true;
    if (raw > limit) {
      if (!someDead) return false;
      let live = raw;
      for (let g = 0; g < parts.length; g++) {
        const dead = parts[g].dead;
        const where = at[first + g];
        if (where < 0 || !dead) continue;
        const ix = parts[g].index;
        if (isPacked(ix)) live -= countDeadPostings(ix, where, counts[first + g], dead);
        else for (let e = ix.offsets[where]; e < ix.offsets[where + 1]; e++) live -= dead[ix.postDoc[e]];
      }
      if (live > limit) return false;
    }
    for (let g = 0; g < parts.length; g++) {
      const where = at[first + g];
      if (where < 0) continue;
      const ix = parts[g].index;
      const dead = parts[g].dead;
      const base = this.bases[g];
      if (isPacked(ix)) {
        visitPacked(ix, where, counts[first + g], dead, base, visit);
        continue;
      }
      for (let e = ix.offsets[where]; e < ix.offsets[where + 1]; e++) {
        const d = ix.postDoc[e];
        if (dead && dead[d]) continue;
        visit(base + d);
      }
    }
    return true;
  }
}

/** Visits `count` packed postings from bit `at` (see PackedText), skipping dead dispatches. */
function visitPacked(p: PackedText, at: number, count: number, dead: Uint8Array | null, base: number, visit: (handle: number) => void): void {
  const { data, docBits } = p;
  for (let i = 0; i < count; i++, at += docBits) {
    const doc = readBits(data, at, docBits);
    if (dead && dead[doc]) continue;
    visit(base + doc);
  }
}

const single = new WeakMap<CorpusIndex, TextView>();

/** A whole index as a one-segment view (cached: matching a page against it allocates nothing more). */
export function textView(index: CorpusIndex | TextView): TextView {
  if (index instanceof TextView) return index;
  let view = single.get(index);
  if (!view) single.set(index, (view = new TextView([{ index, dead: null }])));
  return view;
}

/** The part holding a handle (bases is increasing; a handful of parts). */
export function partOf(bases: Uint32Array, handle: number): number {
  let lo = 0;
  let hi = bases.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (bases[mid] <= handle) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function countOnes(a: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) n += a[i];
  return n;
}

/** Dispatch ids compared as IndexedDB orders string keys (UTF-16 code units), as a rebuild orders them. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
