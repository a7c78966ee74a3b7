import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { FactsView } from '../segments/facts-view';
import { viewVector } from '../segments/facts-vector';
import { buildFactsIndex } from './facts-index';
import { rankedTerms, scoreSentence } from './score';
import { mayShareEnough, sharesEnough } from './share-bound';
import { analyzeText } from './terms';
import { realPageTexts } from '../test-support/pages';

describe('mayShareEnough', () => {
  it('never turns away a pair that shares enough, in either language, and turns away most of the others', () => {
    // French dispatches and saved pages of several languages (cross-language pairs meet through glosses and concepts).
    const real = realPageTexts();
    const docs = [
      ...bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language as string | undefined })),
      ...real.slice(0, 20).map((p) => ({ id: p.name, text: p.text.slice(0, 6000), date: undefined, language: undefined })),
    ];
    const pages = [docs[0], docs[3], ...real.slice(30, 34).map((p) => ({ text: p.text.slice(0, 3000), date: undefined, language: undefined }))];
    const index = buildFactsIndex(docs, { keepAllPostings: true });
    const view = new FactsView([{ index, dead: null }]);
    const met = new Uint8Array(256);
    let kept = 0;
    let turned = 0;
    let sharing = 0;
    let across = 0;
    // Pages in both languages, read against every corpus sentence holding one of their terms.
    const langs = new Set<number>();
    for (const d of pages) {
      for (const sentence of analyzeText(d.text, d.language, d.date).sentences) {
        const v = viewVector(sentence, view);
        langs.add(v.lang);
        const local = v.local[0];
        const ranked = rankedTerms(local, index);
        for (let s = 0; s < index.sentDoc.length; s++) {
          const pair = scoreSentence(v, local, index, s, view.norm(0, s), 0, false, ranked);
          const may = mayShareEnough(v, local, index, s, ranked, met);
          if (sharesEnough(pair)) {
            if (pair.crossLanguage) across++;
            sharing++;
            expect(may).toBe(true);
          }
          if (may) kept++;
          else turned++;
        }
      }
    }
    expect(langs.size).toBe(2);
    expect(sharing).toBeGreaterThan(50);
    expect(turned).toBeGreaterThan(kept);
    expect(across).toBeGreaterThan(0);
  }, 60_000);
});
