import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../corpus/bundled';
import { dispatchText } from './dispatch-text';
import { originOfParagraph, originsOfSpan, paragraphAt } from './paragraph-origin';
import type { Dispatch } from './types';

const d: Pick<Dispatch, 'origin' | 'origins' | 'paragraphs'> = {
  origin: 'RT',
  origins: [{ from: 0, to: 1, origin: 'AFP' }],
  paragraphs: ['Un deux.', 'Trois quatre.', 'Cinq six.'],
};
const text = dispatchText(d);

describe('origins of a dispatch’s paragraphs', () => {
  it('finds the paragraph of an offset of the dispatch text', () => {
    expect(paragraphAt(d, 0)).toBe(0);
    expect(paragraphAt(d, text.indexOf('Trois'))).toBe(1);
    expect(paragraphAt(d, text.indexOf('Trois') - 1)).toBe(0);
    expect(paragraphAt(d, text.indexOf('Cinq'))).toBe(2);
    expect(paragraphAt(d, text.length + 10)).toBe(2);
  });

  it('gives each paragraph its range’s origin, else the dispatch’s', () => {
    expect([0, 1, 2].map((i) => originOfParagraph(d, i))).toEqual(['AFP', 'AFP', 'RT']);
    expect(originOfParagraph({ origin: 'AFP' }, 3)).toBe('AFP');
  });

  it('gives a passage the origins of the paragraphs it spans', () => {
    const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    expect(originsOfSpan(d, span('Trois quatre.'))).toEqual(['AFP']);
    expect(originsOfSpan(d, span('quatre.\n\nCinq'))).toEqual(['AFP', 'RT']);
    expect(originsOfSpan(d, span('Cinq six.'))).toEqual(['RT']);
  });

  it('credits the Radio Habana Cuba record’s second paragraph to AFP and its last to RT', () => {
    const rhc = bundledCorpus.find((r) => r.outlet === 'Radio Habana Cuba')!;
    const rhcText = dispatchText(rhc);
    const at = (words: string) => ({ start: rhcText.indexOf(words), end: rhcText.indexOf(words) + words.length });
    expect(originsOfSpan(rhc, at('Moscou veut des garanties juridiques'))).toEqual(['AFP']);
    expect(originsOfSpan(rhc, at('Groupe de Minsk'))).toEqual(['RT']);
  });
});
