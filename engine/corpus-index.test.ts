import { describe, expect, it } from 'vitest';
import { buildIndex, findKey } from './corpus-index';
import { shingleHashes, winnow } from './shingles';
import { tokenize } from './tokenize';
import { SEED_PREFIXES, seedText } from './test-support/seeds';

const docs = SEED_PREFIXES.map((id) => ({ id, text: seedText(id) }));

describe('buildIndex', () => {
  it('stores exactly the winnowed fingerprints of every dispatch, findable by key', () => {
    const index = buildIndex(docs);
    expect(index.ids).toEqual([...SEED_PREFIXES]);
    for (let i = 1; i < index.keys.length; i++) expect(index.keys[i]).toBeGreaterThan(index.keys[i - 1]);
    let total = 0;
    docs.forEach((doc, d) => {
      const t = tokenize(doc.text);
      expect(index.docWords[d]).toBe(t.count);
      const sh = shingleHashes(t.hashes, index.k);
      const picked = winnow(sh, index.w);
      total += picked.length;
      for (const pos of picked) {
        const key = findKey(index, sh[pos]);
        expect(key).toBeGreaterThanOrEqual(0);
        let found = false;
        for (let e = index.offsets[key]; e < index.offsets[key + 1]; e++) {
          if (index.postDoc[e] === d && index.postPos[e] === t.starts[pos]) found = true;
        }
        expect(found).toBe(true);
      }
    });
    expect(index.postDoc.length).toBe(total);
    expect(findKey(index, 12345)).toBe(-1);
  });

  it('rejects duplicate ids and accepts an empty corpus', () => {
    expect(() => buildIndex([docs[0], docs[0]])).toThrow(/duplicate/);
    const empty = buildIndex([]);
    expect(empty.keys.length).toBe(0);
  });
});
