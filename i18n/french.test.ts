import { describe, expect, it } from 'vitest';
import { deName, frenchOrdinalDay, queName } from './french';

describe('French typography', () => {
  it('elides "de" before a vowel and contracts it with an article', () => {
    expect(deName('AFP')).toBe('d’AFP');
    expect(deName('Europe 1')).toBe('d’Europe 1');
    expect(deName('Reuters')).toBe('de Reuters');
    expect(deName('Le Monde')).toBe('du Monde');
    expect(deName('Les Échos')).toBe('des Échos');
    expect(deName('La Croix')).toBe('de La Croix');
    expect(deName('YouTube')).toBe('de YouTube');
    expect(queName('Europe 1')).toBe('qu’Europe 1');
    expect(queName('Reuters')).toBe('que Reuters');
  });

  it('writes the first of the month as an ordinal', () => {
    expect(frenchOrdinalDay('1 décembre 2026')).toBe('1er décembre 2026');
    expect(frenchOrdinalDay('11 décembre 2026')).toBe('11 décembre 2026');
    expect(frenchOrdinalDay('21 décembre 2026')).toBe('21 décembre 2026');
  });
});
