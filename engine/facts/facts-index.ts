import { runSteps, type Steps } from '../segments/steps';
import { indexOfSorted } from '../sorted';
import { FactsBuilder, type BuildFactsOptions } from './facts-assembly';
import { termHash } from './facts-rules';
import { analyzeText, NO_DAY, TermKind, dayNumber, type TermHit } from './terms';

export { FactsBuilder, type BuildFactsOptions } from './facts-assembly';
export { FACTS_RULES_VERSION, termHash } from './facts-rules';
export { idf, KEEP_ALL_POSTINGS, KIND_WEIGHT, LIST_CAP, postingCapFor, squaredWeight, termWeight } from './facts-weights';

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
   * are read from the forward lists when a walk needs them (see postingLists). A term in more than
   * LIST_CAP sentences of one segment is in more than WALK_BUDGET sentences of a corpus of some
   * thirty such segments, where it never proposes candidates: its postings would be held unread.
   * Undefined (blobs stored before) or KEEP_ALL_POSTINGS: every list is stored.
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
 * Postings read from the forward lists, kept per index while they fit in DERIVED_BYTES (all of
 * them are dropped past it: a walk that needs more lists than that reads them again). Indexes are
 * immutable, so a list found once serves every later walk.
 */
const derived = new WeakMap<FactsIndex, { gen: number; lists: Map<number, Uint32Array> }>();
let derivedGen = 0;
let derivedBytes = 0;
const DERIVED_BYTES = 8 << 20;

/**
 * The postings of the unlisted terms among `ks` (each a term index of `index`), as plain sentence
 * ids: one pass over the forward lists for all those not found before.
 */
export function postingLists(index: FactsIndex, ks: Iterable<number>): Map<number, Uint32Array> {
  let held = derived.get(index);
  if (!held || held.gen !== derivedGen) derived.set(index, (held = { gen: derivedGen, lists: new Map() }));
  const out = new Map<number, Uint32Array>();
  const want = new Map<number, number>();
  for (const k of ks) {
    if (isListed(index, k) || out.has(k)) continue;
    const list = held.lists.get(k);
    if (list) out.set(k, list);
    else if (!want.has(k)) {
      want.set(k, want.size);
    }
  }
  if (!want.size) return out;
  const lists = [...want.keys()].map((k) => new Uint32Array(index.counts[k]));
  const fill = new Uint32Array(lists.length);
  const slot = new Int32Array(index.keys.length).fill(-1);
  for (const [k, j] of want) slot[k] = j;
  for (let s = 0; s < index.sentOffsets.length - 1; s++) {
    forEachTerm(index, s, (k) => {
      const j = slot[k];
      if (j >= 0) lists[j][fill[j]++] = s;
    });
  }
  let bytes = 0;
  for (const l of lists) bytes += l.byteLength;
  if (derivedBytes + bytes > DERIVED_BYTES) {
    derivedGen++;
    derivedBytes = 0;
    derived.set(index, (held = { gen: derivedGen, lists: new Map() }));
  }
  const keep = bytes <= DERIVED_BYTES;
  if (keep) derivedBytes += bytes;
  for (const [k, j] of want) {
    out.set(k, lists[j]);
    if (keep) held.lists.set(k, lists[j]);
  }
  return out;
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
