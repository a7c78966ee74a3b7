import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import {
  buildFactsIndex,
  derivedPostingBytes,
  FactsBuilder,
  forEachPosting,
  forEachTerm,
  isListed,
  KEEP_ALL_POSTINGS,
  LIST_CAP,
  listCapFor,
  postingCapFor,
  postingLists,
  RECOVERY_SENTENCES,
  WALK_BUDGET,
  NO_DAY,
  type FactsDoc,
  type FactsIndex,
} from './facts-index';
import { emptyRecord } from './sentence-records';
import { TermKind } from './terms';

const docs: FactsDoc[] = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));

/** Sentences holding each term, read from the forward lists. */
function forward(index: ReturnType<typeof buildFactsIndex>): number[][] {
  const out: number[][] = index.keys.length ? Array.from(index.keys, () => []) : [];
  for (let s = 0; s < index.sentDoc.length; s++) {
    forEachTerm(index, s, (k) => out[k].push(s));
  }
  return out;
}

describe('facts index postings', () => {
  it('reads the postings a segment does not store (terms over its listCap) from the forward lists', () => {
    const index = buildFactsIndex(docs, { keepAllPostings: true, listCap: 2 });
    const all = buildFactsIndex(docs, { keepAllPostings: true, listCap: KEEP_ALL_POSTINGS });
    const expected = forward(index);
    let unlisted = 0;
    for (let k = 0; k < index.keys.length; k++) {
      if (!isListed(index, k)) unlisted++;
      const got: number[] = [];
      forEachPosting(index, k, (s) => got.push(s));
      expect(got).toEqual(expected[k]);
    }
    expect(unlisted).toBeGreaterThan(10);
    expect(index.postings.byteLength).toBeLessThan(all.postings.byteLength / 2);
    // Fetched together, in one pass: the same lists.
    const ks = [...index.keys.keys()].filter((k) => !isListed(index, k));
    const lists = postingLists(index, ks);
    for (const k of ks) expect([...lists.get(k)!]).toEqual(expected[k]);
    // Kept for the next walk: asked again, the same arrays, and the bytes kept counted.
    const again = postingLists(index, ks);
    for (const k of ks) expect(again.get(k)).toBe(lists.get(k));
    expect(derivedPostingBytes()).toBeGreaterThanOrEqual(ks.reduce((n, k) => n + index.counts[k] * 4, 0));
  });

  it('stores, in a segment big enough that a pass over it costs, the postings of every term a walk can take', () => {
    expect(listCapFor(1_000)).toBe(LIST_CAP);
    expect(listCapFor(RECOVERY_SENTENCES)).toBe(LIST_CAP);
    // A walked term is in at most WALK_BUDGET live sentences, whatever the posting cap of a corpus holding the segment.
    expect(listCapFor(RECOVERY_SENTENCES + 1)).toBe(WALK_BUDGET);
    expect(postingCapFor(10 ** 9)).toBeGreaterThan(WALK_BUDGET);
    expect(buildFactsIndex(docs, { keepAllPostings: true }).listCap).toBe(LIST_CAP);
  });

  it('decode to the sentences that hold each term, in order, as the forward lists give them', () => {
    const index = buildFactsIndex(docs, { keepAllPostings: true });
    const expected = forward(index);
    let postings = 0;
    for (let k = 0; k < index.keys.length; k++) {
      const got: number[] = [];
      forEachPosting(index, k, (s) => got.push(s));
      expect(got).toEqual(expected[k]);
      expect(index.counts[k]).toBe(got.length);
      postings += got.length;
    }
    // Gaps between sentence ids as varints: well under the four bytes of a plain 32-bit posting.
    expect(index.postings.byteLength).toBeLessThan(postings * 2);
  });

  it('keeps no postings for the common terms of a whole index, and no norms in a segment', () => {
    const whole = buildFactsIndex(docs);
    const expected = forward(whole);
    for (let k = 0; k < whole.keys.length; k++) {
      const got: number[] = [];
      forEachPosting(whole, k, (s) => got.push(s));
      expect(got).toEqual(whole.common[k] ? [] : expected[k]);
      expect(whole.counts[k]).toBe(got.length);
    }
    expect(whole.sentNorm.length).toBe(whole.sentDoc.length);
    expect(buildFactsIndex(docs, { keepAllPostings: true }).sentNorm.length).toBe(0);
  });

  it('lists each sentence\'s terms by rank in about a byte each, and uses 16-bit dispatch numbers when they fit', () => {
    const index = buildFactsIndex(docs, { keepAllPostings: true });
    expect(index.keys.length).toBeLessThanOrEqual(0x10000);
    expect(index.byRank).toBeInstanceOf(Uint16Array);
    // Ranks follow decreasing counts, so the frequent terms take one byte.
    for (let r = 1; r < index.byRank.length; r++) expect(index.counts[index.byRank[r - 1]]).toBeGreaterThanOrEqual(index.counts[index.byRank[r]]);
    let terms = 0;
    for (let s = 0; s < index.sentDoc.length; s++) {
      const ks: number[] = [];
      forEachTerm(index, s, (k) => ks.push(k));
      expect(new Set(ks).size).toBe(ks.length);
      terms += ks.length;
    }
    expect(index.sentTerms.byteLength).toBeLessThan(terms * 1.6);
    expect(index.sentDoc).toBeInstanceOf(Uint16Array);
    // A sentence's cues, figures and span as one record: far fewer bytes than the 27 of ten typed arrays.
    expect(index.sentInfo.byteLength + index.sentInfoAt.byteLength).toBeLessThan(index.sentDoc.length * 12);
  });
});

describe('postings read from the forward lists', () => {
  /** A segment of `sentences` one-term sentences, that term left unlisted: its list takes 4 bytes a sentence. */
  function oneTerm(sentences: number): FactsIndex {
    const builder = new FactsBuilder();
    const term = builder.termId(12345, TermKind.Stem);
    for (let d = 0; d * 1000 < sentences; d++) {
      builder.addDoc(`d${String(d).padStart(5, '0')}`, NO_DAY, 0);
      for (let s = 0; s < 1000 && d * 1000 + s < sentences; s++) builder.addSentence([term], emptyRecord());
    }
    return builder.finish({ keepAllPostings: true, listCap: 1 });
  }

  it('are kept within a bound for all segments together, however many pages a worker aligns', () => {
    const a = oneTerm(1_200_000);
    const b = oneTerm(1_200_000);
    const first = postingLists(a, [0]).get(0)!;
    expect(first.length).toBe(1_200_000);
    expect(postingLists(a, [0]).get(0)).toBe(first);
    expect(derivedPostingBytes()).toBeGreaterThanOrEqual(4_800_000);
    // The second segment's list does not fit beside the first: every kept list is dropped, then it is kept.
    const second = postingLists(b, [0]).get(0)!;
    expect(derivedPostingBytes()).toBe(4_800_000);
    expect(postingLists(b, [0]).get(0)).toBe(second);
    const again = postingLists(a, [0]).get(0)!;
    expect(again).not.toBe(first);
    expect([...again.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect(derivedPostingBytes()).toBe(4_800_000);
  }, 60_000);
});
