import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { keepPageAnalysis, pageTerms } from './page-analysis';
import { analyzeText } from './terms';

const text = dispatchText(bundledCorpus[0]);

describe('pageTerms', () => {
  it('gives the analysis kept for the same text and language, with the terms a new one finds', () => {
    const kept = analyzeText(text, undefined, '2022-03-02');
    keepPageAnalysis(text, kept);
    const terms = pageTerms(text, kept.lang);
    expect(terms).toBe(kept);
    // Read against another date (or none), the time cues may differ, never the terms.
    const fresh = analyzeText(text, kept.lang);
    expect(fresh.sentences.map((s) => s.hits)).toEqual(kept.sentences.map((s) => s.hits));
  });

  it('analyses anew another text or the same in another language', () => {
    const kept = analyzeText(text);
    keepPageAnalysis(text, kept);
    const other = kept.lang === 'fr' ? 'en' : 'fr';
    expect(pageTerms(text, other)).not.toBe(kept);
    expect(pageTerms(text, other).lang).toBe(other);
    expect(pageTerms(`${text} `, kept.lang)).not.toBe(kept);
  });
});
