import { ByteWriter } from '../segments/varint';
import type { FactsIndex } from './facts-index';
import { FACTS_RULES_VERSION } from './facts-rules';
import { KEEP_ALL_POSTINGS, LIST_CAP, postingCapFor, squaredWeight } from './facts-weights';
import { RecordWriter, type SentenceRecord } from './sentence-records';
import type { TermKind } from './terms';

export interface BuildFactsOptions {
  /** Keep the postings of common terms (segments of a segmented index; see KEEP_ALL_POSTINGS). */
  keepAllPostings?: boolean;
  /** With keepAllPostings: the listCap of the segment (LIST_CAP unless given). */
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
  private flatHashes = new Uint32Array(1 << 16);
  private flat = 0;
  private readonly kindOf = new Map<number, TermKind>();
  private readonly dfOf = new Map<number, number>();
  private inDoc = new Set<number>();

  /** Starts the next dispatch: its sentences follow. */
  addDoc(id: string, day: number, lang: number): void {
    if (this.seenIds.has(id)) throw new Error(`buildFactsIndex: duplicate dispatch id "${id}"`);
    this.seenIds.add(id);
    this.closeDoc();
    this.ids.push(id);
    this.docDay.push(day);
    this.docLang.push(lang);
  }

  /** A sentence of the last dispatch added: its distinct term hashes, the kind of each, and its record. */
  addSentence(hashes: ArrayLike<number>, kinds: ArrayLike<number>, record: SentenceRecord): void {
    if (!hashes.length) return;
    this.sentDoc.push(this.ids.length - 1);
    this.records.add(record);
    if (this.flat + hashes.length > this.flatHashes.length) {
      const grown = new Uint32Array(Math.max(this.flatHashes.length * 2, this.flat + hashes.length));
      grown.set(this.flatHashes);
      this.flatHashes = grown;
    }
    for (let i = 0; i < hashes.length; i++) {
      this.flatHashes[this.flat++] = hashes[i];
      if (!this.kindOf.has(hashes[i])) this.kindOf.set(hashes[i], kinds[i] as TermKind);
      this.inDoc.add(hashes[i]);
    }
    this.sentOffsets.push(this.flat);
  }

  private closeDoc(): void {
    for (const h of this.inDoc) this.dfOf.set(h, (this.dfOf.get(h) ?? 0) + 1);
    this.inDoc = new Set();
  }

  finish(options: BuildFactsOptions = {}): FactsIndex {
    this.closeDoc();
    const { ids, sentDoc, records, sentOffsets, flatHashes, flat, kindOf, dfOf } = this;
    const docCount = ids.length;
    const docDay = Int32Array.from(this.docDay);
    const docLang = Uint8Array.from(this.docLang);
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
      for (let e = from; e < to; e++) norm += squaredWeight(kinds[plainTerms[e]], df[plainTerms[e]], docCount);
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
      sentDoc: docCount <= 0x10000 ? Uint16Array.from(sentDoc) : Uint32Array.from(sentDoc),
      sentNorm,
      sentOffsets: termAt,
      sentTerms: forward.result(),
      byRank,
      ...records.finish(),
    };
  }
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
