import { describe, expect, it } from 'vitest';
import { makeRng } from '../../cli/prng';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { buildIndex } from '../corpus-index';
import { realPageTexts } from '../test-support/pages';
import { findPacked, packText } from './packed-text';
import { decodeTextSample, encodeTextSample } from './sample-codec';
import { COMMON_POSTINGS, commonCount, sampleBound, sampleOf } from './text-sample';

describe('text samples', () => {
  const docs = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 30)), { count: 300, seed: 3 });
  const index = buildIndex(docs);
  const packed = packText(index);

  it('hold every posting of the keys below the bound, and about that share of the index', () => {
    for (const fraction of [2, 4, 8]) {
      const sample = sampleOf(packed, fraction);
      expect(sample.bound).toBe(sampleBound(fraction));
      const out = new Uint32Array(2);
      const got = new Uint32Array(2);
      const rng = makeRng(fraction);
      for (let n = 0; n < 2000; n++) {
        const key = index.keys[rng.int(0, index.keys.length - 1)];
        const inFull = findPacked(packed, key, out);
        if (key < sample.bound) {
          expect(findPacked(sample.text, key, got)).toBe(inFull);
          expect(got[1]).toBe(out[1]);
          expect(got[0]).toBe(out[0]);
        }
      }
      const share = sample.text.data.length / packed.data.length;
      // About 1/fraction of the postings (winnowed keys crowd low: 1/fraction of key space would be far more).
      expect(Math.abs(share * fraction - 1)).toBeLessThan(0.2);
    }
  });

  it('count the common keys exactly', () => {
    const sample = sampleOf(packed);
    let common = 0;
    for (let key = 0; key < index.keys.length; key++) {
      const count = index.offsets[key + 1] - index.offsets[key];
      expect(commonCount(sample, index.keys[key])).toBe(count >= COMMON_POSTINGS ? count : 0);
      if (count >= COMMON_POSTINGS) common++;
    }
    expect(common).toBeGreaterThan(0);
    expect(sample.commonKeys.length).toBe(common);
  });

  it('are stored and read back as they were', () => {
    const sample = sampleOf(packed);
    const { id, sample: back } = decodeTextSample(encodeTextSample('seg-3', sample));
    expect(id).toBe('seg-3');
    expect(back).toEqual(sample);
  });
});
