import { forEachTerm, KEEP_ALL_POSTINGS, postingCapFor, rankBytes, squaredWeight, type FactsIndex } from '../facts/facts-index';
import { NormCache } from './norm-cache';
import { countOnes, partOf } from './text-view';

/** One immutable facts index and the dispatches of it that were removed since it was built. */
export interface FactsPart {
  index: FactsIndex;
  /** 1 for a removed dispatch (by its position in index.ids), or null when none was removed. */
  dead: Uint8Array | null;
}

/** A term across the corpus: live dispatches and sentences holding it, and its kind. */
export interface TermStats {
  df: number;
  sentences: number;
  kind: number;
}

/**
 * Every term hash met in a segment gets one number, kept for as long as the worker runs: a view
 * then sums a term's counts over its segments by array position, where it would otherwise search
 * every segment for the term. Segments are immutable, so the numbers of a segment's terms are found
 * once (kept beside the index object) and serve every later view holding it.
 */
const termNumbers = new Map<number, number>();
const numbersByIndex = new WeakMap<FactsIndex, Int32Array>();
const NO_KIND = 255;

function numbersOf(ix: FactsIndex): Int32Array {
  let out = numbersByIndex.get(ix);
  if (out) return out;
  out = new Int32Array(ix.keys.length);
  for (let k = 0; k < ix.keys.length; k++) {
    let n = termNumbers.get(ix.keys[k]);
    if (n === undefined) termNumbers.set(ix.keys[k], (n = termNumbers.size));
    out[k] = n;
  }
  numbersByIndex.set(ix, out);
  return out;
}

/**
 * The facts index of a corpus held in several segments: what `alignFacts` reads. Term weights
 * (IDF), which terms are too common to propose candidates, and sentence norms depend on the whole
 * corpus: they are computed from the segments' per-term counts minus the removed dispatches', so
 * scores are those one index of the live dispatches gives. Sentence handles are a part's first
 * handle + the sentence's position in its part.
 */
export class FactsView {
  readonly parts: readonly FactsPart[];
  /** First sentence handle of each part. */
  readonly bases: Uint32Array;
  readonly docs: number;
  readonly sentences: number;
  readonly postingCap: number;
  /** Only part, nothing removed: its own df, common flags and norms are the corpus's. */
  private readonly whole: boolean;
  /** Per part, the term number of each of its terms (by local term index). */
  private readonly numbers: Int32Array[];
  /** By term number: live dispatches and sentences holding the term, and its kind (NO_KIND: none). */
  private readonly df: Int32Array;
  private readonly sents: Float64Array;
  private readonly kind: Uint8Array;
  /** By term number, its squared weight under the corpus-wide counts (NaN: not computed yet). */
  private weights: Float64Array | null = null;
  /** Sentence norms under the corpus-wide weights computed so far, by handle (see NormCache). */
  private readonly norms: NormCache;
  /** Per part, the squared weight of each of its terms (by rank), made on first need. */
  private readonly squares: (Float64Array | null)[];
  /** Whether each part lists its dispatches in id order (segments do; a whole index may not); null: not checked yet. */
  private readonly sorted: (boolean | null)[];

  constructor(parts: readonly FactsPart[]) {
    this.parts = parts;
    this.bases = new Uint32Array(parts.length + 1);
    this.numbers = parts.map((p) => numbersOf(p.index));
    const size = termNumbers.size;
    this.df = new Int32Array(size);
    this.sents = new Float64Array(size);
    this.kind = new Uint8Array(size).fill(NO_KIND);
    const whole =
      parts.length === 1 && !(parts[0].dead && countOnes(parts[0].dead) > 0) && parts[0].index.sentNorm.length === parts[0].index.sentDoc.length;
    let docs = 0;
    let sentences = 0;
    parts.forEach((p, g) => {
      const ix = p.index;
      if (parts.length > 1 && ix.postingCap !== KEEP_ALL_POSTINGS) throw new Error('FactsView: a segment lacks the postings of its common terms');
      this.bases[g + 1] = this.bases[g] + ix.sentDoc.length;
      docs += ix.ids.length;
      sentences += ix.sentDoc.length;
      const numbers = this.numbers[g];
      // A whole index that dropped the postings of its common terms knows those by their flags.
      const flagsOnly = whole && ix.postingCap !== KEEP_ALL_POSTINGS;
      for (let k = 0; k < numbers.length; k++) {
        const n = numbers[k];
        this.df[n] += ix.df[k];
        this.sents[n] += flagsOnly && ix.common[k] ? Infinity : ix.counts[k];
        if (this.kind[n] === NO_KIND) this.kind[n] = ix.kinds[k];
      }
      if (!p.dead || countOnes(p.dead) === 0) return;
      // Sentences are stored dispatch by dispatch: each removed dispatch's run is found by a
      // binary search, so a removal costs its own sentences, not a pass over the segment's.
      const seen = new Set<number>();
      for (let d = 0; d < p.dead.length; d++) {
        if (!p.dead[d]) continue;
        seen.clear();
        for (let s = firstSentenceOf(ix, d); s < ix.sentDoc.length && ix.sentDoc[s] === d; s++) {
          sentences--;
          forEachTerm(ix, s, (k) => {
            this.sents[numbers[k]]--;
            if (!seen.has(k)) {
              seen.add(k);
              this.df[numbers[k]]--;
            }
          });
        }
      }
      docs -= countOnes(p.dead);
    });
    this.docs = docs;
    this.sentences = sentences;
    this.postingCap = postingCapFor(sentences);
    this.whole = whole;
    this.norms = new NormCache(this.bases[parts.length]);
    this.squares = parts.map(() => null);
    this.sorted = parts.map(() => null);
  }

  /** Corpus-wide counts of a term, or null when no live dispatch holds it. */
  term(hash: number): TermStats | null {
    const n = termNumbers.get(hash);
    if (n === undefined || n >= this.df.length || this.df[n] <= 0) return null;
    return { df: this.df[n], sentences: this.sents[n], kind: this.kind[n] };
  }

  /** A term in so many sentences that it proposes no candidates (it still counts in scores). */
  isCommon(stats: TermStats): boolean {
    return stats.sentences > this.postingCap;
  }

  /** Euclidean norm of a sentence's weighted term vector under the corpus-wide weights. */
  norm(g: number, s: number): number {
    if (this.whole) return this.parts[g].index.sentNorm[s];
    const n = this.norms.get(this.bases[g] + s);
    if (n === n) return n;
    this.fillNorms(g);
    return this.norms.get(this.bases[g] + s);
  }

  /**
   * The norms of every sentence of part g, found in one pass over its forward lists the first time
   * one of them is needed. A page meets a few thousand sentences per page sentence, scattered over
   * the part: found one by one, each cost several cache misses, and a page the view had not met
   * before found tens of thousands of them (most of its time at 100,000 dispatches). The pass reads
   * the lists in order, once per view (once per write): at 100,000 dispatches it costs what the
   * norms of two or three such pages cost one by one, and a worker aligns many pages per write.
   */
  private fillNorms(g: number): void {
    const ix = this.parts[g].index;
    // The squared weights of the part's own terms: the pass then reads one small array (no term
    // numbers, no logarithms).
    const squares = this.squares[g] ?? this.squaresOf(g);
    this.norms.fill(this.bases[g], (out, at) => partNorms(ix.sentTerms, ix.sentOffsets, squares, out, at));
  }

  /** The squared weight of each of part g's terms, by rank. */
  private squaresOf(g: number): Float64Array {
    const weights = (this.weights ??= new Float64Array(this.df.length).fill(NaN));
    const out = squaresByRank(this.numbers[g], this.parts[g].index.byRank, weights, this.kind, this.df, this.docs);
    this.squares[g] = out;
    return out;
  }

  /** Bytes of the arrays this view holds beside its segments (counts, weights, norms computed so far). */
  heldBytes(): number {
    let n = this.bases.byteLength + this.df.byteLength + this.sents.byteLength + this.kind.byteLength + (this.weights?.byteLength ?? 0);
    for (const a of this.numbers) n += a.byteLength;
    for (const p of this.parts) n += rankBytes(p.index);
    n += this.norms.bytes();
    for (const a of this.squares) n += a?.byteLength ?? 0;
    return n;
  }

  partOf(handle: number): number {
    return partOf(this.bases, handle);
  }

  /** 1 for every dispatch of part g that is removed or named in `exclude`. */
  excluded(g: number, exclude: readonly string[] | undefined): Uint8Array | null {
    const p = this.parts[g];
    if (!exclude?.length) return p.dead;
    const sorted = (this.sorted[g] ??= isSorted(p.index.ids));
    let out: Uint8Array | null = null;
    for (const id of exclude) {
      // A segment lists its dispatches in id order: a binary search, no map of every id per segment.
      const d = sorted ? sortedIndexOf(p.index.ids, id) : p.index.ids.indexOf(id);
      if (d < 0) continue;
      out ??= p.dead ? p.dead.slice() : new Uint8Array(p.index.ids.length);
      out[d] = 1;
    }
    return out ?? p.dead;
  }
}

/**
 * The squared weight of each term of a part by rank (`numbers`: the part's term numbers, by term
 * index), filling `weights` (by term number, NaN: not computed yet) as it goes. A function of typed
 * arrays alone: called once per part of a new view, it is compiled once for all of them.
 */
function squaresByRank(numbers: Int32Array, byRank: Uint16Array | Uint32Array, weights: Float64Array, kind: Uint8Array, df: Int32Array, docs: number): Float64Array {
  const out = new Float64Array(numbers.length);
  for (let r = 0; r < numbers.length; r++) {
    const t = numbers[byRank[r]];
    let w = weights[t];
    if (w !== w) weights[t] = w = squaredWeight(kind[t], Math.max(df[t], 0), docs);
    out[r] = w;
  }
  return out;
}

/**
 * The norm of each sentence of a part (forward lists: bytes sentOffsets[s]..sentOffsets[s+1], ranks
 * as varint gaps), written to out[at + s]: the square root of the sum of its terms' squares.
 * Squares on a grid (squaredWeight) add exactly in any order: the sum of a rebuilt index, which
 * lists the terms in another rank order. Rounded to 32 bits, as a rebuilt index's sentNorm stores it.
 */
function partNorms(terms: Uint8Array, offsets: Uint32Array, squares: Float64Array, out: Float32Array, at: number): void {
  const sentences = offsets.length - 1;
  let e = offsets[0];
  for (let s = 0; s < sentences; s++) {
    const end = offsets[s + 1];
    let sum = 0;
    for (let r = 0; e < end; ) {
      let b = terms[e++];
      let gap = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = terms[e++];
        gap |= (b & 0x7f) << shift;
      }
      r += gap;
      sum += squares[r];
    }
    out[at + s] = Math.sqrt(sum);
  }
}

/** First sentence of dispatch d (sentDoc is increasing), or the sentence count when it has none. */
function firstSentenceOf(ix: FactsIndex, d: number): number {
  let lo = 0;
  let hi = ix.sentDoc.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ix.sentDoc[mid] < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1] > ids[i]) return false;
  return true;
}

/** Position of `id` in ids sorted as compareIds sorts them, or -1. */
function sortedIndexOf(ids: readonly string[], id: string): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else if (ids[mid] > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const single = new WeakMap<FactsIndex, FactsView>();

/** A whole index as a one-segment view (cached, with its term counts). */
export function factsView(index: FactsIndex | FactsView): FactsView {
  if (index instanceof FactsView) return index;
  let view = single.get(index);
  if (!view) single.set(index, (view = new FactsView([{ index, dead: null }])));
  return view;
}
