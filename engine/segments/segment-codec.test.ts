import { describe, expect, it } from 'vitest';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { alignFacts } from '../facts/align';
import { match } from '../match';
import { realPageTexts } from '../test-support/pages';
import { decodeSegment, encodeSegment } from './segment-codec';
import { buildSegment, SegmentSet } from './segment-set';

describe('segment blobs', () => {
  const seeds = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  const synthetic = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 10)), { count: 40, seed: 2 }).map((d) => ({ ...d, date: '2022-02-01' }));
  const segment = buildSegment('seg-1', [...seeds, ...synthetic]);

  for (const format of ['raw', 'packed'] as const) {
    it(`${format}: decodes to the same segment, which matches and aligns as the original`, () => {
      const blob = encodeSegment(segment, format);
      expect(blob).toBeInstanceOf(ArrayBuffer);
      // A copy, as IndexedDB gives back: nothing refers to the encoder's memory.
      const back = decodeSegment(structuredClone(blob));
      expect(back).toEqual(segment);
      const page = seeds[1].text;
      const getText = (id: string) => [...seeds, ...synthetic].find((d) => d.id === id)?.text;
      const before = new SegmentSet([{ segment, removed: [3] }]);
      const after = new SegmentSet([{ segment: back, removed: [3] }]);
      expect(match(page, after.textView(), getText)).toEqual(match(page, before.textView(), getText));
      expect(alignFacts(page, after.factsView(), { getText })).toEqual(alignFacts(page, before.factsView(), { getText }));
    });
  }

  it('packed is smaller than raw, and a foreign blob is refused', () => {
    expect(encodeSegment(segment, 'packed').byteLength).toBeLessThan(encodeSegment(segment, 'raw').byteLength * 0.7);
    expect(() => decodeSegment(new Uint8Array([1, 2, 3, 4]).buffer)).toThrow('not a Recoupe segment');
  });
});
