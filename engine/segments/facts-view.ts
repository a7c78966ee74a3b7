import { forEachTerm, KEEP_ALL_POSTINGS, postingCapFor, rankBytes, type FactsIndex } from '../facts/facts-index';
import { ALONE_SHARE, firstSentenceOf, isSorted, mergedNorms, NORM_STEP, partNorms, sameCounts, sentenceNorm, sortedIndexOf, squaresByRank } from './facts-view-loops';
import { NormCache } from './norm-cache';
import { numbersOf, termNumberCount, termNumberOf } from './term-numbers';
import type { Steps } from './steps';
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

const NO_KIND = 255;

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
  /** Per part, how many of its sentences, from its first, have their norm found by the pass. */
  private readonly filled: Uint32Array;
  /** Per part, sentences whose norm was found alone (norm()). */
  private readonly alone: Uint32Array;
  /** Per part, the squared weight of each of its terms (by rank), made on first need, dropped once its norms are all found. */
  private readonly squares: (Float64Array | null)[];
  /** Whether each part lists its dispatches in id order (a segment does, a whole index may not); null: unknown yet. */
  private readonly sorted: (boolean | null)[];

  /**
   * `previous`: the view before a change. When the change left every term weight as it was (a
   * merge: the same live dispatches in fewer segments), its norms are this view's (takeNorms).
   */
  constructor(parts: readonly FactsPart[], previous: FactsView | null = null) {
    this.parts = parts;
    this.bases = new Uint32Array(parts.length + 1);
    this.numbers = parts.map((p) => numbersOf(p.index));
    const size = termNumberCount();
    this.df = new Int32Array(size);
    this.sents = new Float64Array(size);
    this.kind = new Uint8Array(size).fill(NO_KIND);
    const whole = parts.length === 1 && !(parts[0].dead && countOnes(parts[0].dead) > 0) && parts[0].index.sentNorm.length === parts[0].index.sentDoc.length;
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
    this.filled = new Uint32Array(parts.length);
    this.alone = new Uint32Array(parts.length);
    this.squares = parts.map(() => null);
    this.sorted = parts.map(() => null);
    if (previous && !whole && !previous.whole && this.weighsAs(previous)) this.takeNorms(previous);
  }

  /**
   * The norms `previous` found of the segments this view holds too (same weights: see weighsAs),
   * and those of a merged segment's sentences, found in the segments it merged: a dispatch's
   * sentences are the same in both, and so are their norms.
   */
  private takeNorms(previous: FactsView): void {
    const at = new Map<FactsIndex, number>();
    previous.parts.forEach((p, g) => at.set(p.index, g));
    const kept = new Set<number>();
    const merged: number[] = [];
    this.parts.forEach((p, g) => {
      const old = at.get(p.index);
      if (old === undefined) return void merged.push(g);
      kept.add(old);
      // Those found alone too (NaN where none was found).
      this.norms.copy(previous.norms, previous.bases[old], p.index.sentDoc.length, this.bases[g]);
      this.filled[g] = previous.filled[old];
      this.alone[g] = previous.alone[old];
      // Squared weights are the same too: a part half done goes on with them.
      this.squares[g] = previous.squares[old];
    });
    const values = previous.norms.found();
    const gone = previous.parts.flatMap((p, o) => (kept.has(o) ? [] : [{ index: p.index, dead: p.dead, base: previous.bases[o] }]));
    if (values === null || gone.length === 0) return;
    for (const g of merged) {
      const ix = this.parts[g].index;
      let whole = false;
      this.norms.fill(this.bases[g], (out, to) => (whole = mergedNorms(ix, gone, values, out, to)));
      if (whole) this.filled[g] = ix.sentDoc.length;
    }
  }

  /** Corpus-wide counts of a term, or null when no live dispatch holds it. */
  term(hash: number): TermStats | null {
    const n = termNumberOf(hash);
    if (n === undefined || n >= this.df.length || this.df[n] <= 0) return null;
    return { df: this.df[n], sentences: this.sents[n], kind: this.kind[n] };
  }

  /** A term in so many sentences that it proposes no candidates (it still counts in scores). */
  isCommon(stats: TermStats): boolean {
    return stats.sentences > this.postingCap;
  }

  /**
   * Euclidean norm of a sentence's weighted term vector under the corpus-wide weights. One not
   * found yet is found alone, while the sentences found so in its part are few (see ALONE_SHARE).
   */
  norm(g: number, s: number): number {
    if (this.whole) return this.parts[g].index.sentNorm[s];
    const h = this.bases[g] + s;
    const n = this.norms.get(h);
    if (n === n) return n;
    const sentences = this.parts[g].index.sentDoc.length;
    if (++this.alone[g] * ALONE_SHARE <= sentences) {
      const ix = this.parts[g].index;
      const squares = this.squares[g] ?? this.squaresOf(g);
      return this.norms.set(h, sentenceNorm(ix.sentTerms, ix.sentOffsets[s], ix.sentOffsets[s + 1], squares));
    }
    this.fillNorms(g, sentences);
    return this.norms.get(h);
  }

  /**
   * The norms of part g's sentences, from where the pass left them up to sentence `to`, in one pass
   * over its forward lists, once per view: the worker runs it in steps before pages need it
   * (normSteps). A page that comes first finds its candidates' norms one by one: it meets a tenth of
   * the sentences at 100,000 dispatches (a quarter at 10,000), each at the cost of cache misses the
   * pass, reading in order, does not pay: about a third of the pass for such a page.
   */
  private fillNorms(g: number, to: number): void {
    const from = this.filled[g];
    if (from >= to) return;
    const ix = this.parts[g].index;
    // The squared weights of the part's own terms: the pass then reads one small array (no term
    // numbers, no logarithms).
    const squares = this.squares[g] ?? this.squaresOf(g);
    this.norms.fill(this.bases[g], (out, at) => partNorms(ix.sentTerms, ix.sentOffsets, squares, out, at, from, to));
    this.filled[g] = to;
    // Only the pass reads them: a part whose norms are all found needs them no more, nor the view
    // its weights by term number once every part's are.
    if (to === ix.sentDoc.length) this.squares[g] = null;
    if (to === ix.sentDoc.length && this.normsLeft() === 0) this.weights = null;
  }

  /**
   * Every sentence norm of the view found in bounded steps (see Steps), part after part (over 300 ms
   * at 100,000 dispatches): the norms norm() finds, to the bit. A page aligned between two steps
   * finds those it needs itself, and the steps go on from where they were.
   */
  *normSteps(): Steps<void> {
    if (this.whole) return;
    for (let g = 0; g < this.parts.length; g++) {
      const sentences = this.parts[g].index.sentDoc.length;
      if (this.filled[g] >= sentences) continue;
      if (!this.squares[g]) {
        const numbers = this.numbers[g];
        const out = new Float64Array(numbers.length);
        for (let r = 0; r < numbers.length && this.filled[g] < sentences; r += NORM_STEP) {
          squaresByRank(numbers, this.parts[g].index.byRank, this.weightTable(), this.kind, this.df, this.docs, out, r, Math.min(numbers.length, r + NORM_STEP));
          yield;
        }
        // A page aligned meanwhile may have found them all.
        if (this.filled[g] >= sentences) continue;
        this.squares[g] ??= out;
      }
      while (this.filled[g] < sentences) {
        this.fillNorms(g, Math.min(sentences, this.filled[g] + NORM_STEP));
        yield;
      }
    }
  }

  /** Sentences whose norm is not found yet (0: normSteps has nothing left to do). */
  normsLeft(): number {
    if (this.whole) return 0;
    let n = 0;
    this.parts.forEach((p, g) => (n += p.index.sentDoc.length - this.filled[g]));
    return n;
  }

  /** The squared weight of each of part g's terms, by rank. */
  private squaresOf(g: number): Float64Array {
    const numbers = this.numbers[g];
    const out = new Float64Array(numbers.length);
    squaresByRank(numbers, this.parts[g].index.byRank, this.weightTable(), this.kind, this.df, this.docs, out, 0, numbers.length);
    this.squares[g] = out;
    return out;
  }

  private weightTable(): Float64Array {
    return (this.weights ??= new Float64Array(this.df.length).fill(NaN));
  }

  /**
   * Whether `other` weighs every term as this view does: the same dispatch count, and for every
   * term the same live dispatches holding it and, where some do, the same kind. Norms are a
   * function of these alone.
   */
  private weighsAs(other: FactsView): boolean {
    return other.docs === this.docs && sameCounts(other.df, other.kind, this.df, this.kind);
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

const single = new WeakMap<FactsIndex, FactsView>();

/** A whole index as a one-segment view (cached, with its term counts). */
export function factsView(index: FactsIndex | FactsView): FactsView {
  if (index instanceof FactsView) return index;
  let view = single.get(index);
  if (!view) single.set(index, (view = new FactsView([{ index, dead: null }])));
  return view;
}
