import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numbersOf, sentenceFeatures, skeletonOf } from './features';
import { lengthScore, similarity } from './similarity';
import { alignmentBand, anchorChain, FULL_SEARCH_CELLS } from './band';
import { alignSentenceLists, alignTranslation, isTranslation } from './translation';

/** A real pair: the WHO Director-General's remarks of 20 February 2020 and their French version. */
const who = JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/eval/translations/who-2020-02-20.json'), 'utf8')) as {
  en: { sentences: string[] };
  fr: { sentences: string[] };
};

describe('sentence features', () => {
  it('reads numbers as values, whatever the language writes between digit groups', () => {
    expect([...numbersOf('74 675 cas, dont 2121 décès ; 0,7 %')]).toEqual(['74675', '2121', '0.7']);
    expect([...numbersOf('74,675 cases, including 2121 deaths; 0.7%')]).toEqual(['74675', '2121', '0.7']);
  });

  it('gives a name spelt two ways one skeleton', () => {
    expect(skeletonOf('poutine')).toBe(skeletonOf('putin'));
    expect(skeletonOf('kyiv')).toBe(skeletonOf('kiev'));
    expect(skeletonOf('mohammed')).toBe(skeletonOf('muhammad'));
    expect(skeletonOf('poutine')).not.toBe(skeletonOf('macron'));
  });

  it('keeps an acronym in capitals that is also a function word ("WHO")', () => {
    expect(sentenceFeatures('China has reported 206 cases to WHO.', 'en').words.map((w) => w.folded)).toContain('who');
    expect(sentenceFeatures('Who reported them?', 'en').words.map((w) => w.folded)).not.toContain('who');
  });
});

describe('similarity', () => {
  const fr = (s: string) => sentenceFeatures(s, 'fr');
  const en = (s: string) => sentenceFeatures(s, 'en');
  it('scores a sentence and its translation above an unrelated sentence of the same text', () => {
    const original = en(who.en.sentences[5]);
    const translation = fr(who.fr.sentences[5]);
    const other = fr(who.fr.sentences[10]);
    expect(similarity(translation, original, 1 / 1.13)).toBeGreaterThan(0.6);
    expect(similarity(other, original, 1 / 1.13)).toBeLessThan(0.3);
  });

  it('favours the expected length ratio (Gale-Church)', () => {
    expect(lengthScore(113, 100, 1 / 1.13)).toBeGreaterThan(0.9);
    expect(lengthScore(113, 30, 1 / 1.13)).toBeLessThan(0.01);
  });
});

describe('alignSentences', () => {
  it('pairs every sentence of a real translation with its original, in order', () => {
    const result = alignSentenceLists(who.fr.sentences, 'fr', who.en.sentences, 'en');
    expect(result.pairs.map((p) => [p.a, p.b])).toEqual(who.fr.sentences.map((_, i) => [[i], [i]]));
    expect(result.coverageA).toBe(1);
    expect(isTranslation(result)).toBe(true);
  });

  it('joins two sentences that the translation made one (2-1), and skips a sentence the original lacks (1-0)', () => {
    const fr = ['Hors de Chine, il y a maintenant 1076 cas répartis dans 26 pays.', 'Le total est de sept décès.', 'Ceci est une phrase ajoutée par le traducteur sur la météo à Genève.', ...who.fr.sentences.slice(6, 9)];
    const en = ['Outside China, there are now 1076 cases in 26 countries, with a total of seven deaths.', ...who.en.sentences.slice(6, 9)];
    const { pairs } = alignSentenceLists(fr, 'fr', en, 'en');
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [[0, 1], [0]],
      [[3], [1]],
      [[4], [2]],
      [[5], [3]],
    ]);
  });

  it('does not call a text a translation of the same sentences shuffled (the alignment is monotone)', () => {
    const order = [7, 2, 11, 0, 9, 4, 13, 5, 1, 12, 3, 10, 6, 8];
    const shuffled = order.map((i) => who.fr.sentences[i]);
    const result = alignSentenceLists(shuffled, 'fr', who.en.sentences, 'en');
    expect(result.coverageA).toBeLessThan(0.5);
    expect(isTranslation(result)).toBe(false);
  });

  it('aligns two whole texts after cutting them into sentences', () => {
    const result = alignTranslation({ text: who.fr.sentences.join(' '), lang: 'fr' }, { text: who.en.sentences.join('\n\n'), lang: 'en' });
    expect(result.sentencesA).toHaveLength(who.fr.sentences.length);
    expect(result.coverageA).toBeGreaterThan(0.9);
    expect(isTranslation(result)).toBe(true);
  });

  it('searches a long text within a band around the anchors and still pairs it all, in order', () => {
    // Four times the remarks: 56 x 56 sentences, past the size searched in full.
    const fr = [...who.fr.sentences, ...who.fr.sentences, ...who.fr.sentences, ...who.fr.sentences];
    const en = [...who.en.sentences, ...who.en.sentences, ...who.en.sentences, ...who.en.sentences];
    expect(fr.length * en.length).toBeGreaterThan(FULL_SEARCH_CELLS);
    const result = alignSentenceLists(fr, 'fr', en, 'en');
    expect(result.coverageA).toBeGreaterThan(0.95);
    for (const p of result.pairs) expect(p.b).toEqual(p.a);
  });
});

describe('alignment band', () => {
  const fr = who.fr.sentences.map((s) => sentenceFeatures(s, 'fr'));
  const en = who.en.sentences.map((s) => sentenceFeatures(s, 'en'));
  it('anchors on keys found once on each side (figures, names), in order', () => {
    const chain = anchorChain(fr, en);
    expect(chain.length).toBeGreaterThan(5);
    for (const [i, j] of chain) expect(j).toBe(i);
  });

  it('keeps each sentence’s original inside its band', () => {
    const band = alignmentBand(fr, en);
    fr.forEach((_, i) => {
      expect(band.lo[i]).toBeLessThanOrEqual(i);
      expect(band.hi[i]).toBeGreaterThanOrEqual(i);
    });
  });
});
