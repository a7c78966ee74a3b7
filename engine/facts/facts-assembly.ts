import { runSteps, STEP_MASK, type Steps } from '../segments/steps';
import { ByteWriter } from '../segments/varint';
import type { FactsIndex } from './facts-index';
import { FACTS_RULES_VERSION } from './facts-rules';
import { KEEP_ALL_POSTINGS, listCapFor, postingCapFor, squaredWeight } from './facts-weights';
import { RecordWriter, type SentenceRecord } from './sentence-records';
import type { TermKind } from './terms';

export interface BuildFactsOptions {
  /** Keep the postings of common terms (segments of a segmented index; see KEEP_ALL_POSTINGS). */
  keepAllPostings?: boolean;
  /** With keepAllPostings: the listCap of the segment (listCapFor its sentences unless given). */
  listCap?: number;
}

/**
 * Makes a facts index from its dispatches and their sentences' terms, given in index order: a
 * dispatch, then its sentences. Whatever depends on the whole index (document frequencies, counts,
 * ranks, caps, norms) is computed in `finish`, so the sentences may come from an analysis of the
 * texts (buildFactsIndex) or from indexes already built (a merge of segments), to the same index.
 */
export class FactsBuilder {
  private readonly ids: string[] = [];
  private readonly seenIds = new Set<string>();
  private readonly docDay: number[] = [];
  private readonly docLang: number[] = [];
  private readonly sentDoc: number[] = [];
  private readonly records = new RecordWriter();
  private readonly sentOffsets: number[] = [0];
  /** Term ids (see termId) of every sentence's terms, end to end. */
  private flatTerms = new Uint32Array(1 << 16);
  private flat = 0;
  /** Per term id: its hash, kind, dispatches holding it, and the last dispatch that did. */
  private readonly idOf = new Map<number, number>();
  private termKey = new Uint32Array(1 << 12);
  private termKind = new Uint8Array(1 << 12);
  private termDf = new Uint32Array(1 << 12);
  private lastDoc = new Int32Array(1 << 12);
  private terms = 0;

  /**
   * The id of a term (its hash; the kind of its first occurrence is kept) for addSentence: ids
   * number terms as they are first seen, index order comes in finish. A term given an id but in no
   * sentence is left out of the index.
   */
  termId(hash: number, kind: TermKind): number {
    let id = this.idOf.get(hash);
    if (id !== undefined) return id;
    id = this.terms++;
    if (id === this.termKey.length) {
      this.termKey = grow(this.termKey, id * 2);
      this.termKind = grow(this.termKind, id * 2);
      this.termDf = grow(this.termDf, id * 2);
      this.lastDoc = grow(this.lastDoc, id * 2);
    }
    this.termKey[id] = hash;
    this.termKind[id] = kind;
    this.lastDoc[id] = -1;
    this.idOf.set(hash, id);
    return id;
  }

  /** Starts the next dispatch: its sentences follow. */
  addDoc(id: string, day: number, lang: number): void {
    if (this.seenIds.has(id)) throw new Error(`buildFactsIndex: duplicate dispatch id "${id}"`);
    this.seenIds.add(id);
    this.ids.push(id);
    this.docDay.push(day);
    this.docLang.push(lang);
  }

  /** A sentence of the last dispatch added: the ids of its n distinct terms (see termId), and its record. */
  addSentence(terms: ArrayLike<number>, record: SentenceRecord, n = terms.length): void {
    if (!n) return;
    const doc = this.ids.length - 1;
    this.sentDoc.push(doc);
    this.records.add(record);
    if (this.flat + n > this.flatTerms.length) this.flatTerms = grow(this.flatTerms, Math.max(this.flatTerms.length * 2, this.flat + n));
    for (let i = 0; i < n; i++) {
      const t = terms[i];
      this.flatTerms[this.flat++] = t;
      if (this.lastDoc[t] !== doc) {
        this.lastDoc[t] = doc;
        this.termDf[t]++;
      }
    }
    this.sentOffsets.push(this.flat);
  }

  /** Ids of the terms found in a sentence, in increasing order of their hashes. */
  private termsByHash(): Uint32Array {
    const { termKey, termDf, terms } = this;
    if (terms > ID_SPAN) {
      const ids = Uint32Array.from({ length: terms }, (_, t) => t).filter((t) => termDf[t] > 0);
      return ids.sort((a, b) => termKey[a] - termKey[b]);
    }
    // hash · 2^21 + id sorts as a number, faster than ids by a comparison of their hashes.
    const order: number[] = [];
    for (let t = 0; t < terms; t++) if (termDf[t] > 0) order.push(termKey[t] * ID_SPAN + t);
    const sorted = Float64Array.from(order).sort();
    return Uint32Array.from(sorted, (v) => v % ID_SPAN);
  }

  finish(options: BuildFactsOptions = {}): FactsIndex {
    return runSteps(this.finishSteps(options));
  }

  /** finish in bounded steps (see Steps): the same index, a merge of large segments makes it so. */
  *finishSteps(options: BuildFactsOptions = {}): Steps<FactsIndex> {
    const { ids, sentDoc, records, sentOffsets, flatTerms, flat } = this;
    const docCount = ids.length;
    const docDay = Int32Array.from(this.docDay);
    const docLang = Uint8Array.from(this.docLang);
    yield;
    const sorted = this.termsByHash();
    yield;
    const keys = new Uint32Array(sorted.length);
    const kinds = new Uint8Array(keys.length);
    const df = new Uint32Array(keys.length);
    const slot = new Uint32Array(this.terms);
    for (let k = 0; k < sorted.length; k++) {
      const t = sorted[k];
      keys[k] = this.termKey[t];
      kinds[k] = this.termKind[t];
      df[k] = this.termDf[t];
      slot[t] = k;
    }
    const sentCount = sentDoc.length;
    const plainTerms = keys.length <= 0x10000 ? new Uint16Array(flat) : new Uint32Array(flat);
    const offsets = new Uint32Array(keys.length + 1);
    for (let e = 0; e < flat; e++) {
      const k = slot[flatTerms[e]];
      plainTerms[e] = k;
      offsets[k + 1]++;
      if ((e & STEP_MASK) === STEP_MASK) yield;
    }
    // Ranks: terms by decreasing count, so the frequent terms most sentences hold take one byte.
    const byRank = (keys.length <= 0x10000 ? Uint16Array : Uint32Array).from(keys.keys()).sort((a, b) => offsets[b + 1] - offsets[a + 1] || a - b);
    const rankOf = new Uint32Array(keys.length);
    for (let r = 0; r < byRank.length; r++) rankOf[byRank[r]] = r;
    yield;
    const sentNorm = new Float32Array(options.keepAllPostings ? 0 : sentCount);
    const forward = new ByteWriter();
    const termAt = new Uint32Array(sentCount + 1);
    const ranks = new Uint32Array(256);
    for (let s = 0; s < sentCount; s++) {
      if ((s & SENTENCE_MASK) === SENTENCE_MASK) yield;
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
      for (let e = from; e < to; e++) norm += squaredWeight(kinds[plainTerms[e]], df[plainTerms[e]], docCount);
      sentNorm[s] = Math.sqrt(norm);
    }
    termAt[sentCount] = forward.length;
    const postingCap = options.keepAllPostings ? KEEP_ALL_POSTINGS : postingCapFor(sentCount);
    const listCap = options.keepAllPostings ? (options.listCap ?? listCapFor(sentCount)) : KEEP_ALL_POSTINGS;
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
      if ((s & SENTENCE_MASK) === SENTENCE_MASK) yield;
      for (let e = sentOffsets[s]; e < sentOffsets[s + 1]; e++) {
        const k = plainTerms[e];
        if (!common[k] && counts[k] <= listCap) plain[fill[k]++] = s;
      }
    }
    const { postingAt, postings } = yield* packPostings(offsets, plain);
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
      sentDoc: docCount <= 0x10000 ? Uint16Array.from(sentDoc) : Uint32Array.from(sentDoc),
      sentNorm,
      sentOffsets: termAt,
      sentTerms: forward.result(),
      byRank,
      ...records.finish(),
    };
  }
}

const ID_SPAN = 2 ** 21;
/** Sentences handled per step (see Steps): a couple of dozen terms each. */
const SENTENCE_MASK = (1 << 10) - 1;

function grow<T extends Uint32Array | Uint8Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
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
function* packPostings(offsets: Uint32Array, plain: Uint32Array): Steps<{ postingAt: Uint32Array; postings: Uint8Array }> {
  const terms = offsets.length - 1;
  const postingAt = new Uint32Array(terms + 1);
  const w = new ByteWriter();
  for (let k = 0, since = 0; k < terms; k++) {
    postingAt[k] = w.length;
    since += offsets[k + 1] - offsets[k];
    if (since > STEP_MASK) {
      since = 0;
      yield;
    }
    let prev = 0;
    for (let e = offsets[k]; e < offsets[k + 1]; e++) {
      w.varint(plain[e] - prev);
      prev = plain[e];
    }
  }
  postingAt[terms] = w.length;
  return { postingAt, postings: w.result() };
}
