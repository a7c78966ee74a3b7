import concepts from '../data/concepts.json';
import dates from '../data/dates.json';
import events from '../data/events.json';
import factStopwords from '../data/facts-stopwords.json';
import framing from '../data/framing.json';
import gazetteer from '../data/gazetteer.json';
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
  termHash(JSON.stringify([gazetteer, concepts, dates, factStopwords, stopwords, framing.reportingVerbs, events, numbers, 'terms-6', 'packed-postings-1', 'sentence-records-1'])) >>> 0
).toString(16);

/**
 * Sentences of the corpus and their fact terms (structured-cloneable, stored as typed arrays).
 * - Inverted: term keys[k] (32-bit hash of the term, sorted) is in counts[k] sentences, whose ids
 *   are postings[postingAt[k] .. postingAt[k+1]-1]: increasing, each as the LEB128 varint of its
 *   gap from the one before (the first from 0). See readPosting.
 * - Forward: sentence s has term indexes sentTerms[sentOffsets[s] .. sentOffsets[s+1]-1], sorted,
 *   so a candidate is scored exactly by merging two short sorted lists. 16-bit when the index has
 *   at most 65,536 terms (a segment of a few thousand dispatches), else 32-bit; likewise sentDoc
 *   by the dispatches it counts. The rest of what a sentence says is one record (sentInfo).
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
  sentDoc: Uint16Array | Uint32Array;
  /**
   * Euclidean norm of the sentence's weighted term vector; empty in a segment (keepAllPostings),
   * whose norms depend on the whole corpus and are computed by the view that holds it.
   */
  sentNorm: Float32Array;
  sentOffsets: Uint32Array;
  sentTerms: Uint16Array | Uint32Array;
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
}

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
  const sentTerms = keys.length <= 0x10000 ? new Uint16Array(flat) : new Uint32Array(flat);
  const offsets = new Uint32Array(keys.length + 1);
  const sentNorm = new Float32Array(options.keepAllPostings ? 0 : sentCount);
  for (let s = 0; s < sentCount; s++) {
    const from = sentOffsets[s];
    const to = sentOffsets[s + 1];
    for (let e = from; e < to; e++) {
      const k = slot.get(flatHashes[e])!;
      sentTerms[e] = k;
      offsets[k + 1]++;
    }
    sentTerms.subarray(from, to).sort();
    if (!sentNorm.length) continue;
    // Summed in term order, as a segmented index sums it at query time: the same float result.
    let norm = 0;
    for (let e = from; e < to; e++) {
      const w = termWeight(kinds[sentTerms[e]], df[sentTerms[e]], docs.length);
      norm += w * w;
    }
    sentNorm[s] = Math.sqrt(norm);
  }
  const postingCap = options.keepAllPostings ? KEEP_ALL_POSTINGS : postingCapFor(sentCount);
  const common = new Uint8Array(options.keepAllPostings ? 0 : keys.length);
  for (let k = 0; k < keys.length; k++) {
    if (offsets[k + 1] > postingCap) {
      common[k] = 1;
      offsets[k + 1] = 0;
    }
  }
  const counts = narrow(offsets.subarray(1));
  for (let k = 0; k < keys.length; k++) offsets[k + 1] += offsets[k];
  const fill = offsets.slice(0, keys.length);
  const plain = new Uint32Array(offsets[keys.length]);
  for (let s = 0; s < sentCount; s++) {
    for (let e = sentOffsets[s]; e < sentOffsets[s + 1]; e++) {
      const k = sentTerms[e];
      if (!common[k]) plain[fill[k]++] = s;
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
    sentDoc: docs.length <= 0x10000 ? Uint16Array.from(sentDoc) : Uint32Array.from(sentDoc),
    sentNorm,
    sentOffsets: Uint32Array.from(sentOffsets),
    sentTerms,
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

/**
 * Calls visit(s) for each sentence id of term k's postings, in increasing order, decoding the
 * varints in place (nothing allocated: it runs for every walked term of every page sentence).
 */
export function forEachPosting(index: FactsIndex, k: number, visit: (s: number) => void): void {
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
