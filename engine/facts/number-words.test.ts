import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize';
import { fractionOf, numberWordsAt } from './number-words';
import { analyzeText } from './terms';

const read = (text: string) => {
  const words = tokenize(text, true).words!;
  return numberWordsAt(words, 0, words.length);
};

describe('numbers written in words', () => {
  it('reads French and English cardinals, compounds and scales', () => {
    expect(read('trois morts')).toEqual({ value: 3, length: 1 });
    expect(read('three dead')).toEqual({ value: 3, length: 1 });
    expect(read('Quatre cents pompiers')).toEqual({ value: 400, length: 2 });
    expect(read('quatre-vingt-dix blessés')).toEqual({ value: 90, length: 3 });
    expect(read('quatre-vingts ans')).toEqual({ value: 80, length: 2 });
    expect(read('soixante-dix-sept')?.value).toBe(77);
    expect(read('vingt et un jours')).toEqual({ value: 21, length: 3 });
    expect(read('twenty-one days')).toEqual({ value: 21, length: 2 });
    expect(read('two hundred and fifty people')).toEqual({ value: 250, length: 4 });
    expect(read('deux mille cinq cents')).toEqual({ value: 2500, length: 4 });
    expect(read('cent morts')).toEqual({ value: 100, length: 1 });
    expect(read('two dozen teams')).toEqual({ value: 24, length: 2 });
    expect(read('une douzaine')).toBeNull();
    expect(read('cents')).toBeNull();
    expect(read('hundreds of people')).toBeNull();
  });

  it('reads ordinals from the second on', () => {
    expect(read('troisième titre')?.value).toBe(3);
    expect(read('third title')?.value).toBe(3);
    expect(read('premier titre')).toBeNull();
  });

  it('takes an article for no number, nor a joiner after the last number word', () => {
    expect(read('un incendie')).toBeNull();
    expect(read('one of the')).toBeNull();
    expect(read('trois et la suite')).toEqual({ value: 3, length: 1 });
  });
});

describe('fractions in words', () => {
  it('makes a fraction of a count before a denominator, and none of a bigger count or another word', () => {
    const words = tokenize('deux tiers, trois quarts, three-quarters, cinq quarts, deux hommes', true).words!;
    expect(fractionOf(2, words, 1, words.length)).toBe(0.667);
    expect(fractionOf(3, words, 3, words.length)).toBe(0.75);
    expect(fractionOf(3, words, 5, words.length)).toBe(0.75);
    expect(fractionOf(5, words, 7, words.length)).toBeUndefined();
    expect(fractionOf(2, words, 9, words.length)).toBeUndefined();
  });
});

describe('decimal figures', () => {
  const keysOf = (text: string, lang: 'fr' | 'en') => analyzeText(text, lang).sentences.flatMap((s) => s.hits.map((h) => h.key));
  it('give their own figure only, not their whole number', () => {
    const keys = keysOf("L'abstention s'élève à 28,01% des inscrits.", 'fr');
    expect(keys).toContain('n:28.01');
    expect(keys).not.toContain('n:28');
  });
});

describe('spans in decades and centuries', () => {
  const keysOf = (text: string, lang: 'fr' | 'en') => analyzeText(text, lang).sentences.flatMap((s) => s.hits.map((h) => h.key));
  it('give the years they count, as a span in years does', () => {
    expect(keysOf('The right had stood for nearly five decades.', 'en')).toContain('n:50');
    expect(keysOf('Protections had been in place for nearly 50 years.', 'en')).toContain('n:50');
    // Told back from now, a span is a time of its own: "50 years ago" meets "il y a 50 ans" only.
    expect(keysOf('Protections put in place nearly 50 years ago.', 'en')).toContain('n:50y-ago');
    expect(keysOf('The nearly half-century precedent was overturned.', 'en')).toContain('n:50');
    expect(keysOf('Un droit vieux de près d’un demi-siècle.', 'fr')).toContain('n:50');
    expect(keysOf('Depuis 3 décennies.', 'fr')).toContain('n:30');
    expect(keysOf('Half of the states will ban it.', 'en')).not.toContain('n:50');
  });
});
