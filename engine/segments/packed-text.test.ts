import { describe, expect, it } from 'vitest';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { buildIndex, findKey, type CorpusIndex } from '../corpus-index';
import { realPageTexts } from '../test-support/pages';
import { findPacked, packedBytes, packText } from './packed-text';
import { TextView } from './text-view';

function postingsOf(ix: CorpusIndex, key: number): number[] {
  const out: number[] = [];
  for (let e = ix.offsets[key]; e < ix.offsets[key + 1]; e++) out.push(ix.postDoc[e]);
  return out;
}

function visits(view: TextView, hash: number, limit: number): { stock: boolean; seen: number[] } {
  const seen: number[] = [];
  const stock = !view.postings(hash, limit, (h) => seen.push(h));
  return { stock, seen };
}

describe('packed text index', () => {
  const docs = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 12)), { count: 120, seed: 9, minWords: 80, maxWords: 300 });
  const plain = buildIndex(docs);
  const packed = packText(plain);

  it('finds every key with its postings, in order, and nothing else', () => {
    const out = new Uint32Array(2);
    for (let key = 0; key < plain.keys.length; key++) {
      expect(findPacked(packed, plain.keys[key], out)).toBe(true);
      expect(out[1]).toBe(plain.offsets[key + 1] - plain.offsets[key]);
    }
    // Hashes next to stored ones, and past both ends, are absent from both.
    const probes = [0, 0xffffffff, ...Array.from(plain.keys.subarray(0, 500), (k) => (k + 1) >>> 0)];
    for (const hash of probes) expect(findPacked(packed, hash, out)).toBe(findKey(plain, hash) >= 0);
  });

  it('a view over it visits the same postings as over the plain arrays, with removed dispatches and stock phrases', () => {
    const dead = new Uint8Array(plain.ids.length);
    for (let d = 0; d < dead.length; d += 3) dead[d] = 1;
    const a = new TextView([{ index: plain, dead }]);
    const b = new TextView([{ index: packed, dead }]);
    let shared = 0;
    for (let key = 0; key < plain.keys.length; key += 7) {
      const hash = plain.keys[key];
      const count = postingsOf(plain, key).length;
      if (count > 1) shared++;
      for (const limit of [1, 2, 50]) expect(visits(b, hash, limit)).toEqual(visits(a, hash, limit));
    }
    expect(shared).toBeGreaterThan(10);
  });

  it('takes less than half the memory of the plain arrays', () => {
    const plainBytes = [plain.keys, plain.buckets, plain.offsets, plain.postDoc, plain.postPos, plain.docWords].reduce((n, a) => n + a.byteLength, 0);
    expect(packedBytes(packed)).toBeLessThan(plainBytes / 2);
  });
});
