import { describe, expect, it } from 'vitest';
import { countWords, toDispatch, toStored } from './stored-dispatch';
import { dispatch } from './test-support';

describe('stored dispatch rows', () => {
  it('counts words, not French spacing around punctuation', () => {
    expect(countWords(['« garanties » – l’Otan, 94 000 soldats !', 'Deux mots.'])).toBe(7);
    expect(countWords([' ', '—'])).toBe(0);
  });

  it('stores only the dispatch fields and gives the same dispatch back', () => {
    const d = dispatch('a', ['Un deux.'], { url: 'https://e.org/a' });
    const row = toStored({ ...d, extra: 'x' } as typeof d, 'imported');
    expect(row).not.toHaveProperty('extra');
    expect(row).toMatchObject({ source: 'imported', words: 2 });
    expect(toDispatch(row)).toEqual(d);
    expect(toDispatch(toStored(dispatch('b', ['x']), 'bundled'))).not.toHaveProperty('url');
  });
});
