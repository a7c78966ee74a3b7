import { describe, expect, it } from 'vitest';
import { normalize } from './normalize';
import { SEED_PREFIXES, seedText } from './test-support/seeds';

describe('normalize', () => {
  it('folds apostrophes, guillemets with no-break spaces, dashes, ligatures, case and accents', () => {
    expect(normalize('L’Otan').text).toBe("l'otan");
    expect(normalize('«\u00a0garanties\u202f»').text).toBe('"garanties"');
    expect(normalize('« garanties »').text).toBe(normalize('"garanties"').text);
    expect(normalize('Paris — Moscou – Kiev').text).toBe('paris - moscou - kiev');
    expect(normalize('Œuvre, cœur, ﬁn').text).toBe('oeuvre, coeur, fin');
    expect(normalize('ÉTATS-UNIS, Élysée').text).toBe('etats-unis, elysee');
    expect(normalize('a\u00adb\u200bc').text).toBe('abc');
    expect(normalize('attendre…').text).toBe('attendre...');
    expect(normalize('  deux   espaces\n\nici ').text).toBe('deux espaces ici');
  });

  it('maps every folded character back to its original offset', () => {
    const input = 'Le « Kremlin » a dit : l’œuvre.';
    const { text, map } = normalize(input);
    expect(map.length).toBe(text.length + 1);
    expect(map[text.length]).toBe(input.length);
    const at = text.indexOf('oeuvre');
    expect(input.slice(map[at], map[at + 'oeuvre'.length])).toBe('œuvre');
    const k = text.indexOf('kremlin');
    expect(input.slice(map[k], map[k + 6] + 1)).toBe('Kremlin');
    for (let i = 1; i < map.length; i++) expect(map[i]).toBeGreaterThanOrEqual(map[i - 1]);
  });

  it('leaves no typographic marks in the real seed texts', () => {
    for (const prefix of SEED_PREFIXES) {
      const { text, map } = normalize(seedText(prefix));
      expect(text).not.toMatch(/[’‘«»“”–—\u00a0\u202fœæÀ-ÿA-Z]/);
      expect(map.length).toBe(text.length + 1);
    }
  });

  it('makes the two spellings of the Gorbachev quote in seed 002 compare equal to a plain version', () => {
    const seed = seedText('002');
    const sentence = seed.slice(seed.indexOf('Il a déclaré que Biden'), seed.indexOf('Il a déclaré que Biden') + 60);
    const plain = sentence.replace(/«\s?/g, '"').replace(/\s?»/g, '"').replace(/’/g, "'");
    expect(normalize(sentence).text).toBe(normalize(plain).text);
  });
});
