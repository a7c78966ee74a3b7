import { describe, expect, it } from 'vitest';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { alignFacts } from '../facts/align';
import { match } from '../match';
import { realPageTexts } from '../test-support/pages';
import { buildIndex } from '../corpus-index';
import { buildFactsIndex } from '../facts/facts-index';
import { packLegacy, packPositioned } from './legacy-packed-text';
import { EARLIER_BLOCK, PACKED_BLOCK, packText, type PackedText } from './packed-text';
import { decodeSegment, decodeSegmentHalves, decodeTextHalf, encodeLegacySegment, encodeSegment, encodeSegmentHalves, hasEarlierTextLayout } from './segment-codec';
import { compareIds } from './text-view';
import { buildSegment, SegmentSet } from './segment-set';

describe('segment blobs', () => {
  const seeds = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  const synthetic = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 10)), { count: 40, seed: 2 }).map((d) => ({ ...d, date: '2022-02-01' }));
  const segment = buildSegment('seg-1', [...seeds, ...synthetic]);

  for (const format of ['raw', 'packed'] as const) {
    it(`${format}: decodes to the same segment, which matches and aligns as the original`, { timeout: 60_000 }, () => {
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

  it('reads a blob of the first layout (plain text arrays) as the same packed segment', { timeout: 60_000 }, () => {
    const docs = [...seeds, ...synthetic].sort((a, b) => compareIds(a.id, b.id));
    for (const format of ['raw', 'packed'] as const) {
      const blob = encodeLegacySegment('seg-1', buildIndex(docs), buildFactsIndex(docs, { keepAllPostings: true }), format);
      expect(decodeSegment(structuredClone(blob))).toEqual(segment);
    }
  });

  it('reads segments and halves stored in the earlier block layout as today\'s, which match the same', { timeout: 60_000 }, () => {
    const docs = [...seeds, ...synthetic].sort((a, b) => compareIds(a.id, b.id));
    const earlier = { ...segment, text: packLegacy(buildIndex(docs)) as unknown as PackedText };
    for (const format of ['raw', 'packed'] as const) {
      const blob = encodeSegment(earlier, format);
      expect(hasEarlierTextLayout(blob)).toBe(true);
      expect(hasEarlierTextLayout(encodeSegment(segment, format))).toBe(false);
      const back = decodeSegment(structuredClone(blob));
      expect(back).toEqual(segment);
      const halves = encodeSegmentHalves(earlier, format);
      expect(hasEarlierTextLayout(halves.text)).toBe(true);
      expect(decodeTextHalf(halves.text).text).toEqual(segment.text);
      const getText = (id: string) => docs.find((d) => d.id === id)?.text;
      for (const page of [seeds[1].text, synthetic[7].text + ' ' + seeds[3].text]) {
        const now = new SegmentSet([{ segment, removed: [3] }]);
        const read = new SegmentSet([{ segment: back, removed: [3] }]);
        const found = match(page, now.textView(), getText);
        expect(found.passages.length).toBeGreaterThan(0);
        expect(match(page, read.textView(), getText)).toEqual(found);
      }
    }
  });

  it('reads segments and halves stored in blocks of EARLIER_BLOCK keys (no block size in their header) as they are, which match the same', { timeout: 60_000 }, () => {
    const docs = [...seeds, ...synthetic].sort((a, b) => compareIds(a.id, b.id));
    const { block: _today, ...rest } = packText(buildIndex(docs), EARLIER_BLOCK);
    // As stored before the block size was given: no block among the index's scalars.
    const before = { ...segment, text: rest as unknown as PackedText };
    expect(segment.text.block).toBe(PACKED_BLOCK);
    for (const format of ['raw', 'packed'] as const) {
      const blob = encodeSegment(before, format);
      expect(hasEarlierTextLayout(blob)).toBe(false);
      const back = decodeSegment(structuredClone(blob));
      expect(back.text.block).toBe(EARLIER_BLOCK);
      expect(back).toEqual({ ...before, text: { ...rest, block: EARLIER_BLOCK } });
      expect(decodeTextHalf(encodeSegmentHalves(back, format).text).text).toEqual(back.text);
      const getText = (id: string) => docs.find((d) => d.id === id)?.text;
      for (const page of [seeds[1].text, synthetic[7].text + ' ' + seeds[3].text]) {
        const found = match(page, new SegmentSet([{ segment, removed: [3] }]).textView(), getText);
        expect(found.passages.length).toBeGreaterThan(0);
        expect(match(page, new SegmentSet([{ segment: back, removed: [3] }]).textView(), getText)).toEqual(found);
      }
    }
  });

  it('reads segments and halves stored with positions (layout 2) as today\'s', { timeout: 60_000 }, () => {
    const docs = [...seeds, ...synthetic].sort((a, b) => compareIds(a.id, b.id));
    const positioned = { ...segment, text: packPositioned(buildIndex(docs)) as unknown as PackedText };
    for (const format of ['raw', 'packed'] as const) {
      const blob = encodeSegment(positioned, format);
      expect(hasEarlierTextLayout(blob)).toBe(true);
      expect(decodeSegment(structuredClone(blob))).toEqual(segment);
      const halves = encodeSegmentHalves(positioned, format);
      expect(hasEarlierTextLayout(halves.text)).toBe(true);
      expect(decodeTextHalf(halves.text).text).toEqual(segment.text);
    }
  });

  it('halves decode to the segment, both indexes holding one array of ids; halves of two segments are refused', () => {
    const halves = encodeSegmentHalves(segment);
    const back = decodeSegmentHalves(structuredClone(halves.text), structuredClone(halves.facts));
    expect(back).toEqual(segment);
    expect(back.facts.ids).toBe(back.text.ids);
    const other = encodeSegmentHalves({ ...segment, text: { ...segment.text, ids: segment.text.ids.map((id, i) => (i === 3 ? `${id}-b` : id)) } });
    expect(() => decodeSegmentHalves(other.text, halves.facts)).toThrow('halves of two segments');
  });

  it('packed is smaller than raw, and a foreign blob is refused', () => {
    // Both postings (text and facts) and the sentence records are varints under either format:
    // packing gains on the rest.
    expect(encodeSegment(segment, 'packed').byteLength).toBeLessThan(encodeSegment(segment, 'raw').byteLength * 0.9);
    expect(() => decodeSegment(new Uint8Array([1, 2, 3, 4]).buffer)).toThrow('not a Recoupe segment');
  });
});
