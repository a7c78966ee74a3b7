import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex, forEachPosting, type FactsDoc } from './facts-index';

const docs: FactsDoc[] = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));

/** Sentences holding each term, read from the forward lists. */
function forward(index: ReturnType<typeof buildFactsIndex>): number[][] {
  const out: number[][] = index.keys.length ? Array.from(index.keys, () => []) : [];
  for (let s = 0; s < index.sentDoc.length; s++) {
    for (let e = index.sentOffsets[s]; e < index.sentOffsets[s + 1]; e++) out[index.sentTerms[e]].push(s);
  }
  return out;
}

describe('facts index postings', () => {
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

  it('uses 16-bit sentence terms and dispatch numbers when the counts fit', () => {
    const index = buildFactsIndex(docs, { keepAllPostings: true });
    expect(index.keys.length).toBeLessThanOrEqual(0x10000);
    expect(index.sentTerms).toBeInstanceOf(Uint16Array);
    expect(index.sentDoc).toBeInstanceOf(Uint16Array);
    // A sentence's cues, figures and span as one record: far fewer bytes than the 27 of ten typed arrays.
    expect(index.sentInfo.byteLength + index.sentInfoAt.byteLength).toBeLessThan(index.sentDoc.length * 12);
  });
});
