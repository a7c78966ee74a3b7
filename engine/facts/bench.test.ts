import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { benchAlignFacts, benchFactsBuild, benchNaiveFacts, factsIndexBytes } from './bench';

const docs = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));

describe('facts bench helpers', () => {
  it('build, size and time an alignment beside a bare tokenising pass and the all-pairs baseline', () => {
    const built = benchFactsBuild(docs);
    expect(built.sentences).toBe(built.index.sentDoc.length);
    expect(built.bytes).toBe(factsIndexBytes(built.index));
    expect(built.bytes).toBeGreaterThan(built.index.sentTerms.byteLength);
    const page = docs[2].text;
    const t = benchAlignFacts(page, built.index, 3, { exclude: [docs[2].id] });
    expect(t.pairs).toBeGreaterThan(0);
    expect(t.medianMs).toBeGreaterThan(0);
    expect(t.ratio).toBeCloseTo(t.medianMs / t.tokenizeMs, 5);
    const naive = benchNaiveFacts(page, built.index, 10);
    expect(naive.sentences).toBe(built.sentences);
    expect(naive.sampled).toBeGreaterThanOrEqual(10);
    expect(naive.ms).toBeGreaterThan(0);
  });
});
