import { runSteps, type Steps } from '../segments/steps';
import { indexOfSorted } from '../sorted';
import { FactsBuilder, type BuildFactsOptions } from './facts-assembly';
import { termHash } from './facts-rules';
import { analyzeText, NO_DAY, TermKind, dayNumber, type TermHit } from './terms';

export { FactsBuilder, type BuildFactsOptions } from './facts-assembly';
export { FACTS_RULES_VERSION, termHash } from './facts-rules';
export { idf, KEEP_ALL_POSTINGS, KIND_WEIGHT, LIST_CAP, listCapFor, postingCapFor, RECOVERY_SENTENCES, squaredWeight, termWeight, WALK_BUDGET } from './facts-weights';

/**
 * Sentences of the corpus and their fact terms (structured-cloneable, stored as typed arrays).
 * - Inverted: term keys[k] (32-bit hash of the term, sorted) is in counts[k] sentences, whose ids
 *   are postings[postingAt[k] .. postingAt[k+1]-1]: increasing, each as the LEB128 varint of its
 *   gap from the one before (the first from 0). See readPosting.
 * - Forward: sentence s has the terms of sentTerms[sentOffsets[s] .. sentOffsets[s+1]-1], by rank,
 *   sorted, so a candidate is scored exactly by merging two short sorted lists. sentDoc is 16-bit
 *   when the index has at most 65,536 dispatches. The rest of what a sentence says is one record (sentInfo).
 */
export interface FactsIndex {
  version: 1;
  /** FACTS_RULES_VERSION of the engine that built it. */
  rules: string;
  ids: string[];
  /** Per dispatch: publication day (days since 1970-01-01) or NO_DAY; language 0 fr, 1 en. */
  docDay: Int32Array;
  docLang: Uint8Array;
  keys: Uint32Array;
  kinds: Uint8Array;
  /** Dispatches containing the term: its inverse document frequency comes from it. */
  df: Uint16Array | Uint32Array;
  /** Sentences holding each term (0 for a common term of a whole index: see postingCap). */
  counts: Uint16Array | Uint32Array;
  /** Byte offset of each term's postings in `postings`, and the end of the last. */
  postingAt: Uint32Array;
  postings: Uint8Array;
  /**
   * Terms in more sentences than this propose no candidates (see postingCap): their postings are
   * not stored (an empty list), and `common` marks them so they still count as present. Empty in
   * a segment, which keeps every posting.
   */
  postingCap: number;
  common: Uint8Array;
  /**
   * Terms in more sentences of this index than this have no stored postings (an empty list): they
   * are read from the forward lists when a walk needs them (see postingLists). listCapFor gives it
   * from the segment's sentences: a big segment stores every list a walk can need, a small one only
   * its rarer terms' (LIST_CAP, also what segments stored before kept, whatever their size: they are
   * read all the same). Undefined (blobs stored before) or KEEP_ALL_POSTINGS: every list is stored.
   */
  listCap?: number;
  sentDoc: Uint16Array | Uint32Array;
  /**
   * Euclidean norm of the sentence's weighted term vector; empty in a segment (keepAllPostings),
   * whose norms depend on the whole corpus and are computed by the view that holds it.
   */
  sentNorm: Float32Array;
  /** Byte offset of each sentence's terms in sentTerms, and the end of the last. */
  sentOffsets: Uint32Array;
  /**
   * Each sentence's terms by rank (see byRank), increasing, as LEB128 varint gaps (the first from
   * 0): read them with forEachTerm, or decode in place where it is hot (score.ts, facts-view.ts).
   */
  sentTerms: Uint8Array;
  /**
   * Term index of each rank: ranks order the terms by decreasing count of sentences in this index,
   * so that most of a sentence's terms, the frequent ones, take one byte in sentTerms.
   */
  byRank: Uint16Array | Uint32Array;
  /**
   * Language, time and event cues, figures and span of each sentence, as varint records (see
   * sentence-records.ts: readSentence): sentInfoAt holds the byte offset of every RECORD_BLOCK-th.
   */
  sentInfoAt: Uint32Array;
  sentInfo: Uint8Array;
}

export interface FactsDoc {
  id: string;
  text: string;
  date?: string;
  language?: string;
}

/** Calls visit(k) for each term index of sentence s, in rank order. */
export function forEachTerm(index: FactsIndex, s: number, visit: (k: number) => void): void {
  const bytes = index.sentTerms;
  const byRank = index.byRank;
  const end = index.sentOffsets[s + 1];
  let r = 0;
  for (let e = index.sentOffsets[s]; e < end; ) {
    let b = bytes[e++];
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[e++];
      gap |= (b & 0x7f) << shift;
    }
    r += gap;
    visit(byRank[r]);
  }
}

const ranksByIndex = new WeakMap<FactsIndex, Uint32Array>();
/** Bytes of the ranks made for this index so far (0 before the first rankOf). */
export function rankBytes(index: FactsIndex): number {
  return ranksByIndex.get(index)?.byteLength ?? 0;
}
/** Rank of each term index (the inverse of byRank), made once per index. */
export function rankOf(index: FactsIndex): Uint32Array {
  let out = ranksByIndex.get(index);
  if (!out) {
    out = new Uint32Array(index.byRank.length);
    for (let r = 0; r < out.length; r++) out[index.byRank[r]] = r;
    ranksByIndex.set(index, out);
  }
  return out;
}

/**
 * Distinct terms of a corpus sentence: hash and kind of each, first occurrence order. Its glosses
 * are left out: a page sentence reads its own words as the stems of the other language instead
 * (gloss-expansion.ts), which spares the index a second term for most words.
 */
export function distinctTerms(hits: readonly TermHit[]): { hashes: number[]; kinds: TermKind[] } {
  const seen = new Set<number>();
  const hashes: number[] = [];
  const kinds: TermKind[] = [];
  for (const h of hits) {
    if (h.kind === TermKind.Gloss) continue;
    const hash = termHash(h.key);
    if (seen.has(hash)) continue;
    seen.add(hash);
    hashes.push(hash);
    kinds.push(h.kind);
  }
  return { hashes, kinds };
}

export function buildFactsIndex(docs: readonly FactsDoc[], options: BuildFactsOptions = {}): FactsIndex {
  return runSteps(buildFactsIndexSteps(docs, options));
}

/** buildFactsIndex in bounded steps (see Steps), a few dispatches analysed per step. */
export function* buildFactsIndexSteps(docs: readonly FactsDoc[], options: BuildFactsOptions = {}): Steps<FactsIndex> {
  const builder = new FactsBuilder();
  for (let d = 0; d < docs.length; d++) {
    if (d % 4 === 3) yield;
    const doc = docs[d];
    const analyzed = analyzeText(doc.text, doc.language, doc.date);
    builder.addDoc(doc.id, dayNumber(doc.date), analyzed.lang === 'en' ? 1 : 0);
    for (const s of analyzed.sentences) {
      const { hashes, kinds } = distinctTerms(s.hits);
      const terms = hashes.map((h, i) => builder.termId(h, kinds[i]));
      builder.addSentence(terms, { ...s.cues, lang: s.lang === 'en' ? 1 : 0, figures: figuresOf(s.hits), start: s.span.start, end: s.span.end });
    }
  }
  return yield* builder.finishSteps(options);
}



/** Whether term k's postings are stored (else postingLists reads them from the forward lists). */
export function isListed(index: FactsIndex, k: number): boolean {
  return index.listCap === undefined || index.counts[k] <= index.listCap;
}

/**
 * Calls visit(s) for each sentence id of term k's postings, in increasing order, decoding the
 * varints in place (nothing allocated: it runs for every walked term of every page sentence).
 * An unlisted term's postings come from postingLists (call it first with every term a walk needs:
 * one pass over the forward lists finds them all).
 */
export function forEachPosting(index: FactsIndex, k: number, visit: (s: number) => void): void {
  if (!isListed(index, k)) {
    const list = postingLists(index, [k]).get(k)!;
    for (let i = 0; i < list.length; i++) visit(list[i]);
    return;
  }
  const bytes = index.postings;
  const end = index.postingAt[k + 1];
  let s = 0;
  for (let e = index.postingAt[k]; e < end; ) {
    let b = bytes[e++];
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[e++];
      gap |= (b & 0x7f) << shift;
    }
    s += gap;
    visit(s);
  }
}

/**
 * Postings read from the forward lists, kept per index while all the lists kept, of every index,
 * fit in DERIVED_BYTES: past it every kept list is dropped (a worker lives for hours and sees
 * thousands of pages; what it keeps stays bounded). Indexes are immutable, so a list found once
 * serves every later walk until then.
 */
const derived = new WeakMap<FactsIndex, Map<number, Uint32Array>>();
/** Every map of `derived` holding lists, so that all are emptied at once. */
const holding = new Set<Map<number, Uint32Array>>();
let derivedBytes = 0;
const DERIVED_BYTES = 8 << 20;

/** Bytes of the postings read from forward lists and kept, all indexes together (at most DERIVED_BYTES). */
export function derivedPostingBytes(): number {
  return derivedBytes;
}

/**
 * The postings of the unlisted terms among `ks` (each a term index of `index`), as plain sentence
 * ids: one pass over the forward lists for all those not found before.
 */
export function postingLists(index: FactsIndex, ks: Iterable<number>): Map<number, Uint32Array> {
  let held = derived.get(index);
  if (!held) derived.set(index, (held = new Map()));
  const out = new Map<number, Uint32Array>();
  const wanted = new Set<number>();
  for (const k of ks) {
    if (isListed(index, k) || out.has(k)) continue;
    const list = held.get(k);
    if (list) out.set(k, list);
    else wanted.add(k);
  }
  if (!wanted.size) return out;
  const want = [...wanted];
  const ranks = rankOf(index);
  let top = 0;
  for (const k of want) top = Math.max(top, ranks[k]);
  // By rank up to the highest wanted only: the pass reads no rank past it, and a large segment has
  // hundreds of thousands of terms where a page wants a few frequent ones, of low rank.
  const slot = new Int32Array(top + 1).fill(-1);
  const at = new Uint32Array(want.length + 1);
  want.forEach((k, j) => {
    slot[ranks[k]] = j;
    at[j + 1] = at[j] + index.counts[k];
  });
  const flat = new Uint32Array(at[want.length]);
  collectPostings(index.sentTerms, index.sentOffsets, slot, top, flat, at.slice(0, want.length));
  const bytes = flat.byteLength;
  if (derivedBytes + bytes > DERIVED_BYTES) {
    for (const m of holding) m.clear();
    holding.clear();
    derivedBytes = 0;
  }
  const keep = bytes <= DERIVED_BYTES;
  if (keep) {
    derivedBytes += bytes;
    holding.add(held);
  }
  want.forEach((k, j) => {
    const list = flat.subarray(at[j], at[j + 1]);
    out.set(k, list);
    if (keep) held.set(k, list);
  });
  return out;
}

/**
 * One pass over the forward lists (sentTerms, ranks as varint gaps, increasing): appends each
 * sentence s to the list of every wanted rank it holds (slot: list number by rank, -1 for none;
 * the lists are runs of `flat`, `fill` their next free places). Unlisted terms are the frequent
 * ones, of low rank: a sentence is read only up to the highest wanted rank `top`.
 */
function collectPostings(terms: Uint8Array, offsets: Uint32Array, slot: Int32Array, top: number, flat: Uint32Array, fill: Uint32Array): void {
  const sentences = offsets.length - 1;
  for (let s = 0; s < sentences; s++) {
    const end = offsets[s + 1];
    let r = 0;
    for (let e = offsets[s]; e < end; ) {
      let b = terms[e++];
      let gap = b & 0x7f;
      for (let shift = 7; b & 0x80; shift += 7) {
        b = terms[e++];
        gap |= (b & 0x7f) << shift;
      }
      r += gap;
      if (r > top) break;
      const j = slot[r];
      if (j >= 0) flat[fill[j]++] = s;
    }
  }
}

/** The distinct figures (number terms) of a sentence's hits. */
export function figuresOf(hits: readonly TermHit[]): number[] {
  const out = new Set<number>();
  for (const h of hits) if (h.kind === TermKind.Number && !h.spelled) out.add(parseFloat(h.key.slice(2)));
  return [...out];
}

/** Index of a term hash in the sorted keys, or -1. */
export function findTerm(index: FactsIndex, hash: number): number {
  return indexOfSorted(index.keys, hash);
}

export { NO_DAY };
