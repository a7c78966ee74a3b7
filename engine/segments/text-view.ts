import { findKey, SHINGLE_WORDS, WINNOW_WINDOW, type CorpusIndex } from '../corpus-index';
import { countDeadPostings, findPacked, isPacked, type PackedText } from './packed-text';

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
  /** Per part, the postings count of the key last looked up (packed parts). */
  private readonly counts: Uint32Array;
  private readonly found = new Uint32Array(2);

  constructor(parts: readonly TextPart[]) {
    this.parts = parts;
    this.k = parts[0]?.index.k ?? SHINGLE_WORDS;
    this.w = parts[0]?.index.w ?? WINNOW_WINDOW;
    this.bases = new Uint32Array(parts.length + 1);
    this.counts = new Uint32Array(parts.length);
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
   * Calls `visit(handle, charPos)` for every live posting of `hash`, in the order one index of the
   * live dispatches would list them for each dispatch, unless the live postings outnumber `limit`
   * (a stock phrase): then nothing is visited and false is returned.
   */
  postings(hash: number, limit: number, keys: Int32Array, visit: (handle: number, pos: number) => void): boolean {
    const parts = this.parts;
    const counts = this.counts;
    const found = this.found;
    let raw = 0;
    let someDead = false;
    for (let g = 0; g < parts.length; g++) {
      const ix = parts[g].index;
      // For a packed part, keys[g] is the byte offset of the key's postings.
      if (isPacked(ix)) {
        if (findPacked(ix, hash, found)) {
          keys[g] = found[0];
          counts[g] = found[1];
        } else keys[g] = -1;
      } else {
        keys[g] = findKey(ix, hash);
        if (keys[g] >= 0) counts[g] = ix.offsets[keys[g] + 1] - ix.offsets[keys[g]];
      }
      if (keys[g] < 0) continue;
      raw += counts[g];
      if (parts[g].dead) someDead = true;
    }
    if (raw === 0) return true;
    if (raw > limit) {
      if (!someDead) return false;
      let live = raw;
      for (let g = 0; g < parts.length; g++) {
        const dead = parts[g].dead;
        if (keys[g] < 0 || !dead) continue;
        const ix = parts[g].index;
        if (isPacked(ix)) live -= countDeadPostings(ix.data, keys[g], counts[g], dead);
        else for (let e = ix.offsets[keys[g]]; e < ix.offsets[keys[g] + 1]; e++) live -= dead[ix.postDoc[e]];
      }
      if (live > limit) return false;
    }
    for (let g = 0; g < parts.length; g++) {
      if (keys[g] < 0) continue;
      const ix = parts[g].index;
      const dead = parts[g].dead;
      const base = this.bases[g];
      if (isPacked(ix)) {
        visitPacked(ix.data, keys[g], counts[g], dead, base, visit);
        continue;
      }
      for (let e = ix.offsets[keys[g]]; e < ix.offsets[keys[g] + 1]; e++) {
        const d = ix.postDoc[e];
        if (dead && dead[d]) continue;
        visit(base + d, ix.postPos[e]);
      }
    }
    return true;
  }
}

/** Visits `count` packed postings from byte `at` (see PackedText), skipping dead dispatches. */
function visitPacked(d: Uint8Array, at: number, count: number, dead: Uint8Array | null, base: number, visit: (handle: number, pos: number) => void): void {
  let doc = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = d[at++];
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    doc += v;
    let pos = 0;
    shift = 0;
    do {
      byte = d[at++];
      pos += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    if (dead && dead[doc]) continue;
    visit(base + doc, pos);
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
