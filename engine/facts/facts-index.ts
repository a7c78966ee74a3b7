import concepts from '../data/concepts.json';
import dates from '../data/dates.json';
import events from '../data/events.json';
import factStopwords from '../data/facts-stopwords.json';
import framing from '../data/framing.json';
import gazetteer from '../data/gazetteer.json';
import glosses from '../data/glosses.json';
import numbers from '../data/numbers.json';
import stopwords from '../data/stopwords.json';
import { ByteWriter } from '../segments/varint';
import { indexOfSorted } from '../sorted';
import { RecordWriter } from './sentence-records';
import { analyzeText, NO_DAY, TermKind, dayNumber, type TermHit } from './terms';

/**
 * Changes whenever the word lists that make fact terms change: an index built under other lists
 * has other terms, so a stored index whose `rules` differ must be rebuilt (an extension update can
 * change the lists without changing the corpus).
 */
export const FACTS_RULES_VERSION: string = (
  termHash(JSON.stringify([gazetteer, concepts, dates, factStopwords, stopwords, framing.reportingVerbs, events, numbers, glosses, 'terms-8', 'packed-postings-1', 'sentence-records-1', 'ranked-terms-1', 'record-gaps-1'])) >>> 0
).toString(16);

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

/**
 * Weight of a term kind in a sentence vector. Entities are who a sentence is about, not what it
 * says (most sentences of a story name the same people); numbers are the sharpest evidence that
 * two sentences tell one fact; time cues count a little when shared and weigh through the event
 * checks when they disagree.
 */
export const KIND_WEIGHT: Record<TermKind, number> = {
  [TermKind.Stem]: 1,
  [TermKind.Concept]: 1,
  [TermKind.Entity]: 0.6,
  [TermKind.Number]: 1.5,
  [TermKind.Weekday]: 0.4,
  [TermKind.Month]: 0.3,
  [TermKind.DayMonth]: 0.8,
  [TermKind.Year]: 0.4,
  [TermKind.Gloss]: 1,
};

/**
 * Smoothed inverse document frequency: ln((N + 1) / (df + 0.5)) + 1. The +1 keeps terms found in
 * every dispatch of a five-dispatch corpus above zero; a term the corpus lacks counts as df = 1.
 */
export function idf(df: number, docs: number): number {
  return Math.log((docs + 1) / (Math.max(df, 1) + 0.5)) + 1;
}

export function termWeight(kind: number, df: number, docs: number): number {
  return KIND_WEIGHT[kind as TermKind] * idf(df, docs);
}

const GRID = 2 ** 30;
/**
 * A term's squared weight on a grid of 2^-30, what sentence norms sum: such values (below 2^9) add
 * exactly in any order while the sum stays below 2^23, so a norm is the same float whichever order
 * an index lists the sentence's terms in (segments and a rebuilt index rank terms differently).
 */
export function squaredWeight(kind: number, df: number, docs: number): number {
  // A gloss reads again a word whose stem the norm holds (score.ts, GLOSS_FACTOR).
  if (kind === TermKind.Gloss) return 0;
  const w = termWeight(kind, df, docs);
  return Math.round(w * w * GRID) / GRID;
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

/** FNV-1a of a term key, the same hash on both sides. */
export function termHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Distinct terms of a sentence: hash and kind of each, first occurrence order. */
export function distinctTerms(hits: readonly TermHit[]): { hashes: number[]; kinds: TermKind[] } {
  const seen = new Set<number>();
  const hashes: number[] = [];
  const kinds: TermKind[] = [];
  for (const h of hits) {
    const hash = termHash(h.key);
    if (seen.has(hash)) continue;
    seen.add(hash);
    hashes.push(hash);
    kinds.push(h.kind);
  }
  return { hashes, kinds };
}

/**
 * postingCap of a segment of a segmented index: every posting is kept, because whether a term is
 * common depends on the whole corpus, which a segment does not know.
 */
export const KEEP_ALL_POSTINGS = 0xffffffff;

export interface BuildFactsOptions {
  /** Keep the postings of common terms (segments of a segmented index; see KEEP_ALL_POSTINGS). */
  keepAllPostings?: boolean;
  /** With keepAllPostings: the listCap of the segment (LIST_CAP unless given). */
  listCap?: number;
}

/** listCap of a segment: see FactsIndex.listCap. */
export const LIST_CAP = 64;

export function buildFactsIndex(docs: readonly FactsDoc[], options: BuildFactsOptions = {}): FactsIndex {
  const ids: string[] = [];
  const seenIds = new Set<string>();
  const docDay = new Int32Array(docs.length);
  const docLang = new Uint8Array(docs.length);
  const sentDoc: number[] = [];
  const records = new RecordWriter();
  const sentOffsets: number[] = [0];
  let flatHashes = new Uint32Array(1 << 16);
  let flat = 0;
  const kindOf = new Map<number, TermKind>();
  const dfOf = new Map<number, number>();
  docs.forEach((doc, d) => {
    if (seenIds.has(doc.id)) throw new Error(`buildFactsIndex: duplicate dispatch id "${doc.id}"`);
    seenIds.add(doc.id);
    ids.push(doc.id);
    docDay[d] = dayNumber(doc.date);
    const analyzed = analyzeText(doc.text, doc.language, doc.date);
    docLang[d] = analyzed.lang === 'en' ? 1 : 0;
    const inDoc = new Set<number>();
    for (const s of analyzed.sentences) {
      const { hashes, kinds } = distinctTerms(s.hits);
      if (!hashes.length) continue;
      sentDoc.push(d);
      records.add({ ...s.cues, lang: s.lang === 'en' ? 1 : 0, figures: figuresOf(s.hits), start: s.span.start, end: s.span.end });
      if (flat + hashes.length > flatHashes.length) {
        const grown = new Uint32Array(Math.max(flatHashes.length * 2, flat + hashes.length));
        grown.set(flatHashes);
        flatHashes = grown;
      }
      for (let i = 0; i < hashes.length; i++) {
        flatHashes[flat++] = hashes[i];
        if (!kindOf.has(hashes[i])) kindOf.set(hashes[i], kinds[i]);
        inDoc.add(hashes[i]);
      }
      sentOffsets.push(flat);
    }
    for (const h of inDoc) dfOf.set(h, (dfOf.get(h) ?? 0) + 1);
  });
  const keys = Uint32Array.from(kindOf.keys()).sort();
  const kinds = new Uint8Array(keys.length);
  const df = new Uint32Array(keys.length);
  const slot = new Map<number, number>();
  keys.forEach((k, i) => {
    slot.set(k, i);
    kinds[i] = kindOf.get(k)!;
    df[i] = dfOf.get(k)!;
  });
  const sentCount = sentDoc.length;
  const plainTerms = keys.length <= 0x10000 ? new Uint16Array(flat) : new Uint32Array(flat);
  const offsets = new Uint32Array(keys.length + 1);
  for (let e = 0; e < flat; e++) {
    const k = slot.get(flatHashes[e])!;
    plainTerms[e] = k;
    offsets[k + 1]++;
  }
  // Ranks: terms by decreasing count, so the frequent terms most sentences hold take one byte.
  const byRank = (keys.length <= 0x10000 ? Uint16Array : Uint32Array).from(keys.keys()).sort((a, b) => offsets[b + 1] - offsets[a + 1] || a - b);
  const rankOf = new Uint32Array(keys.length);
  for (let r = 0; r < byRank.length; r++) rankOf[byRank[r]] = r;
  const sentNorm = new Float32Array(options.keepAllPostings ? 0 : sentCount);
  const forward = new ByteWriter();
  const termAt = new Uint32Array(sentCount + 1);
  const ranks = new Uint32Array(256);
  for (let s = 0; s < sentCount; s++) {
    const from = sentOffsets[s];
    const to = sentOffsets[s + 1];
    plainTerms.subarray(from, to).sort();
    const list = to - from <= ranks.length ? ranks.subarray(0, to - from) : new Uint32Array(to - from);
    for (let e = from; e < to; e++) list[e - from] = rankOf[plainTerms[e]];
    list.sort();
    termAt[s] = forward.length;
    let prev = 0;
    for (let i = 0; i < list.length; i++) {
      forward.varint(list[i] - prev);
      prev = list[i];
    }
    if (!sentNorm.length) continue;
    let norm = 0;
    for (let e = from; e < to; e++) norm += squaredWeight(kinds[plainTerms[e]], df[plainTerms[e]], docs.length);
    sentNorm[s] = Math.sqrt(norm);
  }
  termAt[sentCount] = forward.length;
  const postingCap = options.keepAllPostings ? KEEP_ALL_POSTINGS : postingCapFor(sentCount);
  const listCap = options.keepAllPostings ? (options.listCap ?? LIST_CAP) : KEEP_ALL_POSTINGS;
  const common = new Uint8Array(options.keepAllPostings ? 0 : keys.length);
  for (let k = 0; k < keys.length; k++) {
    if (offsets[k + 1] > postingCap) {
      common[k] = 1;
      offsets[k + 1] = 0;
    }
  }
  const counts = narrow(offsets.subarray(1));
  for (let k = 0; k < keys.length; k++) if (counts[k] > listCap) offsets[k + 1] = 0;
  for (let k = 0; k < keys.length; k++) offsets[k + 1] += offsets[k];
  const fill = offsets.slice(0, keys.length);
  const plain = new Uint32Array(offsets[keys.length]);
  for (let s = 0; s < sentCount; s++) {
    for (let e = sentOffsets[s]; e < sentOffsets[s + 1]; e++) {
      const k = plainTerms[e];
      if (!common[k] && counts[k] <= listCap) plain[fill[k]++] = s;
    }
  }
  const { postingAt, postings } = packPostings(offsets, plain);
  return {
    version: 1,
    rules: FACTS_RULES_VERSION,
    ids,
    docDay,
    docLang,
    keys,
    kinds,
    df: narrow(df),
    counts,
    postingAt,
    postings,
    postingCap,
    common,
    listCap,
    sentDoc: docs.length <= 0x10000 ? Uint16Array.from(sentDoc) : Uint32Array.from(sentDoc),
    sentNorm,
    sentOffsets: termAt,
    sentTerms: forward.result(),
    byRank,
    ...records.finish(),
  };
}

/** A copy of counts in 16 bits when every one fits (they mostly do in a segment), else in 32. */
function narrow(a: Uint32Array): Uint16Array | Uint32Array {
  let max = 0;
  for (let i = 0; i < a.length; i++) if (a[i] > max) max = a[i];
  return max <= 0xffff ? Uint16Array.from(a) : a.slice();
}

/**
 * Each term's run of sentence ids (plain[offsets[k] .. offsets[k+1]-1], increasing) as varint
 * gaps: a segment's sentence ids are below 2^17, so most gaps take one or two bytes, not four.
 */
function packPostings(offsets: Uint32Array, plain: Uint32Array): { postingAt: Uint32Array; postings: Uint8Array } {
  const terms = offsets.length - 1;
  const postingAt = new Uint32Array(terms + 1);
  const w = new ByteWriter();
  for (let k = 0; k < terms; k++) {
    postingAt[k] = w.length;
    let prev = 0;
    for (let e = offsets[k]; e < offsets[k + 1]; e++) {
      w.varint(plain[e] - prev);
      prev = plain[e];
    }
  }
  postingAt[terms] = w.length;
  return { postingAt, postings: w.result() };
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

/**
 * A term found in more corpus sentences than this does not propose candidates (it still counts in
 * their exact score): in a big corpus "russ" or "sanction" are in tens of thousands of sentences,
 * and walking those lists would cost more than all the rest, so they are not even stored. Chosen
 * with align.ts's MAX_EXACT on the benchmark's 10,000-dispatch synthetic corpus (242,000
 * sentences, a small recycled vocabulary: the worst case for this rule): 1/400 of the sentences
 * and 100 exact scores keep 22 of the 24 page sentences an exhaustive search aligns, at about a
 * third of its time.
 */
export function postingCapFor(sentences: number): number {
  return Math.max(200, Math.ceil(sentences / 400));
}

/** Index of a term hash in the sorted keys, or -1. */
export function findTerm(index: FactsIndex, hash: number): number {
  return indexOfSorted(index.keys, hash);
}

export { NO_DAY };
