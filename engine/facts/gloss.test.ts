import { describe, expect, it } from 'vitest';
import glosses from '../data/glosses.json';
import { LEXICON_ENTRIES } from '../translation/lexicon';
import { buildFactsIndex } from './facts-index';
import { glossOf } from './gloss';
import { buildGlossTable } from './gloss-table';
import { stemOf } from './lexicon';
import { GLOSS_FACTOR, scorePair, sentenceVector } from './score';
import { analyzeText, TermKind } from './terms';

const gloss = (word: string, lang: 'fr' | 'en') => glossOf(stemOf(word, lang), stemOf(word, lang), lang);

describe('lexicon glosses', () => {
  it('are the table the lexicon gives (npm run glosses after editing lexicon-fr-en.json)', () => {
    expect(buildGlossTable(LEXICON_ENTRIES)).toEqual(glosses);
  });

  it('give a French word and its English translation one term', () => {
    expect(gloss('incendie', 'fr')).toBe(gloss('fire', 'en'));
    expect(gloss('hausse', 'fr')).toBe(gloss('hike', 'en'));
    expect(gloss('lever', 'fr')).not.toBeNull();
    expect(gloss('xqzwv', 'fr')).toBeNull();
  });

  it('stand beside the stem of a word no concept holds, and read a word written without accents', () => {
    const hits = analyzeText('Les enquêteurs ont interrogé le suspect.', 'fr').sentences[0].hits;
    const suspect = hits.filter((h) => h.start === hits.find((x) => x.key === 's:suspect')?.start);
    expect(suspect.map((h) => h.kind).sort()).toEqual([TermKind.Stem, TermKind.Gloss]);
    expect(glossOf(stemOf('écoles', 'fr'), stemOf('ecoles', 'fr'), 'fr')).toBe(glossOf(stemOf('ecoles', 'fr'), stemOf('ecoles', 'fr'), 'fr'));
  });
});

describe('glosses in the score', () => {
  const index = buildFactsIndex([
    { id: 'fr', text: 'Le suspect a été interrogé par les enquêteurs à Lyon.', date: '2024-03-01', language: 'fr' },
    { id: 'en', text: 'The suspect was questioned by investigators in Lyon.', date: '2024-03-01', language: 'en' },
    { id: 'en2', text: 'The suspect was interrogated by investigators in Lyon.', date: '2024-03-01', language: 'en' },
    { id: 'x', text: 'Le maire a inauguré une école à Lille.', date: '2024-03-01', language: 'fr' },
  ]);
  const score = (text: string, lang: 'fr' | 'en', doc: string) => {
    const v = sentenceVector(analyzeText(text, lang, '2024-03-01').sentences[0], index, new Map());
    const s = index.sentDoc.indexOf(index.ids.indexOf(doc));
    return scorePair(v, index, s, 0);
  };

  it('weigh a word met in the other language, without making it shared content', () => {
    const v = sentenceVector(analyzeText('Le suspect a été interrogé par les enquêteurs à Lyon.', 'fr', '2024-03-01').sentences[0], index, new Map());
    const pair = scorePair(v, index, index.sentDoc.indexOf(index.ids.indexOf('en')), 0);
    expect(pair.crossLanguage).toBe(true);
    const sharedKinds = pair.shared.map((i) => index.kinds[v.terms[i]]);
    // "interrogé" and "questioned" meet through the lexicon only.
    expect(sharedKinds).toContain(TermKind.Gloss);
    // Across languages a shared stem is a cognate ("suspect"), no content either: concepts and figures are.
    const content = sharedKinds.filter((k) => k === TermKind.Concept || k === TermKind.Number).length;
    expect(pair.sharedContent).toBe(content);
    // ...but it is a shared word, which with the shared name ("Lyon") makes the pair a candidate.
    expect(pair.sharedWords).toBeGreaterThan(content);
    expect(GLOSS_FACTOR).toBeLessThan(1);
  });

  it('leave a pair in one language as its stems score it', () => {
    const a = score('The suspect was questioned by investigators in Lyon.', 'en', 'en2');
    const b = score('The suspect was questioned by investigators in Lyon.', 'en', 'en');
    // Same stems but one: the gloss terms of both sentences are read neither in the dot product nor in the norms.
    expect(b.cosine).toBeCloseTo(1, 5);
    expect(a.cosine).toBeLessThan(1);
  });
});
