import { findTerm, KEEP_ALL_POSTINGS, postingCapFor, termWeight, type FactsIndex } from '../facts/facts-index';
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
 * Corpus-wide document frequency of each term of a segment (by its local index; -1: not known
 * yet). A segment set hands the counts of its previous view to the next one, forgetting only the
 * terms the change touched, so a sentence norm after an addition costs a logarithm per term, not a
 * look-up in every segment.
 */
export type DfCache = Int32Array;

interface PartState {
  /** Sentences and dispatches of removed dispatches holding each term (by local term index). */
  deadDf: Map<number, number> | null;
  deadSentences: Map<number, number> | null;
  /** Norms under the corpus-wide weights, computed on first need (NaN: not yet). */
  norms: Float32Array | null;
  weights: Float64Array | null;
  df: DfCache | null;
  /** Whether the part lists its dispatches in id order (segments do; a whole index may not); null: not checked yet. */
  sorted: boolean | null;
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
  private readonly state: PartState[];
  private readonly stats = new Map<number, TermStats | null>();

  constructor(parts: readonly FactsPart[], carried: readonly (DfCache | null)[] = []) {
    this.parts = parts;
    this.bases = new Uint32Array(parts.length + 1);
    let docs = 0;
    let sentences = 0;
    this.state = parts.map((p, g) => {
      const ix = p.index;
      if (parts.length > 1 && ix.postingCap !== KEEP_ALL_POSTINGS) throw new Error('FactsView: a segment lacks the postings of its common terms');
      this.bases[g + 1] = this.bases[g] + ix.sentDoc.length;
      docs += ix.ids.length;
      sentences += ix.sentDoc.length;
      const state: PartState = { deadDf: null, deadSentences: null, norms: null, weights: null, df: carried[g] ?? null, sorted: null };
      if (p.dead && countOnes(p.dead) > 0) {
        state.deadDf = new Map();
        state.deadSentences = new Map();
        const seen = new Set<number>();
        let doc = -1;
        for (let s = 0; s < ix.sentDoc.length; s++) {
          if (!p.dead[ix.sentDoc[s]]) continue;
          if (ix.sentDoc[s] !== doc) {
            doc = ix.sentDoc[s];
            seen.clear();
          }
          sentences--;
          for (let e = ix.sentOffsets[s]; e < ix.sentOffsets[s + 1]; e++) {
            const k = ix.sentTerms[e];
            state.deadSentences.set(k, (state.deadSentences.get(k) ?? 0) + 1);
            if (!seen.has(k)) {
              seen.add(k);
              state.deadDf.set(k, (state.deadDf.get(k) ?? 0) + 1);
            }
          }
        }
        docs -= countOnes(p.dead);
      }
      return state;
    });
    this.docs = docs;
    this.sentences = sentences;
    this.postingCap = postingCapFor(sentences);
    this.whole = parts.length === 1 && this.state[0].deadDf === null;
  }

  /** Corpus-wide counts of a term, or null when no live dispatch holds it. */
  term(hash: number): TermStats | null {
    let found = this.stats.get(hash);
    if (found !== undefined) return found;
    let df = 0;
    let sentences = 0;
    let kind = -1;
    for (let g = 0; g < this.parts.length; g++) {
      const ix = this.parts[g].index;
      const k = findTerm(ix, hash);
      if (k < 0) continue;
      const st = this.state[g];
      df += ix.df[k] - (st.deadDf?.get(k) ?? 0);
      sentences += this.whole && ix.postingCap !== KEEP_ALL_POSTINGS ? (ix.common[k] ? Infinity : 0) : ix.offsets[k + 1] - ix.offsets[k] - (st.deadSentences?.get(k) ?? 0);
      if (kind < 0) kind = ix.kinds[k];
    }
    found = df > 0 ? { df, sentences, kind } : null;
    this.stats.set(hash, found);
    return found;
  }

  /** A term in so many sentences that it proposes no candidates (it still counts in scores). */
  isCommon(stats: TermStats): boolean {
    return stats.sentences > this.postingCap;
  }

  /** Euclidean norm of a sentence's weighted term vector under the corpus-wide weights. */
  norm(g: number, s: number): number {
    const ix = this.parts[g].index;
    if (this.whole) return ix.sentNorm[s];
    const st = this.state[g];
    if (!st.norms) {
      st.norms = new Float32Array(ix.sentDoc.length).fill(NaN);
      st.weights = new Float64Array(ix.keys.length).fill(NaN);
    }
    let n = st.norms[s];
    if (n === n) return n;
    const weights = st.weights!;
    let sum = 0;
    for (let e = ix.sentOffsets[s]; e < ix.sentOffsets[s + 1]; e++) {
      const k = ix.sentTerms[e];
      let w = weights[k];
      if (w !== w) weights[k] = w = termWeight(ix.kinds[k], this.dfOf(st, ix, k), this.docs);
      sum += w * w;
    }
    st.norms[s] = n = Math.sqrt(sum);
    return st.norms[s];
  }

  private dfOf(st: PartState, ix: FactsIndex, k: number): number {
    if (!st.df) st.df = new Int32Array(ix.keys.length).fill(-1);
    let df = st.df[k];
    if (df < 0) st.df[k] = df = this.term(ix.keys[k])?.df ?? 0;
    return df;
  }

  partOf(handle: number): number {
    return partOf(this.bases, handle);
  }

  /** 1 for every dispatch of part g that is removed or named in `exclude`. */
  excluded(g: number, exclude: readonly string[] | undefined): Uint8Array | null {
    const p = this.parts[g];
    if (!exclude?.length) return p.dead;
    const st = this.state[g];
    st.sorted ??= isSorted(p.index.ids);
    let out: Uint8Array | null = null;
    for (const id of exclude) {
      // A segment lists its dispatches in id order: a binary search, no map of every id per segment.
      const d = st.sorted ? sortedIndexOf(p.index.ids, id) : p.index.ids.indexOf(id);
      if (d < 0) continue;
      out ??= p.dead ? p.dead.slice() : new Uint8Array(p.index.ids.length);
      out[d] = 1;
    }
    return out ?? p.dead;
  }
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
