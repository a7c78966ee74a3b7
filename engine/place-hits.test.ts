import { describe, expect, it } from 'vitest';
import { realTextFrom } from '../cli/real-text';
import { syntheticCorpus } from '../cli/synthetic-corpus';
import { buildIndex } from './corpus-index';
import { placeHits } from './place-hits';
import { realPageTexts } from './test-support/pages';
import { tokenize } from './tokenize';

describe('placing hits in a candidate text', () => {
  const docs = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 12)), { count: 80, seed: 4, minWords: 80, maxWords: 600 });
  const ix = buildIndex(docs);

  /**
   * A dispatch met by a page that is its own text, on every `every`-th of its fingerprints: the
   * pairs as lookup gives them, and the offsets the index held before positions were left out.
   */
  function hitsOf(d: number, every: number, page = docs[d].text): { pairs: number[]; want: number[]; page: string } {
    const tokens = tokenize(page);
    const wordAt = new Map<number, number>();
    tokens.starts.forEach((s, i) => wordAt.set(s, i));
    const postings: [number, number][] = [];
    for (let key = 0; key < ix.keys.length; key++) for (let e = ix.offsets[key]; e < ix.offsets[key + 1]; e++) if (ix.postDoc[e] === d) postings.push([key, ix.postPos[e]]);
    const firstWord = new Map<number, number>();
    for (const [key, pos] of postings) if (!firstWord.has(key)) firstWord.set(key, wordAt.get(pos)!);
    const pairs: number[] = [];
    const want: number[] = [];
    const met = [...firstWord].sort((a, b) => a[1] - b[1]).filter((_, i) => i % every === 0);
    for (const [key, word] of met) {
      for (const [k2, pos] of postings) {
        if (k2 !== key) continue;
        pairs.push(word, ix.keys[key]);
        want.push(word, pos);
      }
    }
    return { pairs, want, page };
  }

  it('finds the offsets the index held, from a few hits (words checked where found) or many (the whole text)', () => {
    let twice = 0;
    for (const every of [1, 5, 17]) {
      for (let d = 0; d < docs.length; d++) {
        const { pairs, want, page } = hitsOf(d, every);
        for (let i = 2; i < pairs.length; i += 2) if (pairs[i] === pairs[i - 2]) twice++;
        placeHits(docs[d].text, ix.k, ix.w, pairs, { text: page, tokens: tokenize(page) });
        expect(pairs).toEqual(want);
      }
    }
    // Fingerprints found twice in a dispatch are placed in turn.
    expect(twice).toBeGreaterThan(0);
  });

  it('places hits from a page that writes the words in other case and spacing', () => {
    for (let d = 0; d < docs.length; d += 3) {
      const page = docs[d].text.toUpperCase().replace(/ /g, '\u00a0');
      const { pairs, want } = hitsOf(d, 7, docs[d].text);
      placeHits(docs[d].text, ix.k, ix.w, pairs, { text: page, tokens: tokenize(page) });
      expect(pairs).toEqual(want);
    }
  });

  it('drops the hits of a fingerprint the text no longer holds', () => {
    const { pairs, page } = hitsOf(0, 9);
    const text = docs[1].text;
    placeHits(text, ix.k, ix.w, pairs, { text: page, tokens: tokenize(page) });
    expect(pairs.length).toBeLessThan(4);
  });
});
