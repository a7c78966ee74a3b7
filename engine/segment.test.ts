import { describe, expect, it } from 'vitest';
import { segmentSentences } from './segment';
import { SEED_PREFIXES, seedText } from './test-support/seeds';

describe('segmentSentences', () => {
  it('does not split after abbreviations and initials', () => {
    const s = segmentSentences('M. Dupont a lu la p. 12 du rapport. J. Biden a parlé. Mme Martin aussi.');
    expect(s.map((x) => x.text)).toEqual(['M. Dupont a lu la p. 12 du rapport.', 'J. Biden a parlé.', 'Mme Martin aussi.']);
  });

  it('reads the versus of a case name as part of its sentence', () => {
    const s = segmentSentences('The court overturned Roe v. Wade on Friday. Protests followed.', 'en');
    expect(s.map((x) => x.text)).toEqual(['The court overturned Roe v. Wade on Friday.', 'Protests followed.']);
  });

  it('keeps a closing guillemet with the sentence it closes', () => {
    const s = segmentSentences('Il a dit « c’est fini. » Puis il est parti.');
    expect(s.map((x) => x.text)).toEqual(['Il a dit « c’est fini. »', 'Puis il est parti.']);
  });

  it('gives offsets that point at the sentence text', () => {
    for (const prefix of SEED_PREFIXES) {
      const text = seedText(prefix);
      const spans = segmentSentences(text);
      expect(spans.length).toBeGreaterThan(5);
      let last = 0;
      for (const s of spans) {
        expect(text.slice(s.start, s.end)).toBe(s.text);
        expect(s.start).toBeGreaterThanOrEqual(last);
        last = s.end;
        // A sentence never starts with a closing mark or punctuation.
        expect(s.text).not.toMatch(/^[»”.,;:]/);
      }
    }
  });

  it('segments a real seed paragraph with guillemets as a reader would', () => {
    const text = seedText('004');
    const spans = segmentSentences(text).map((s) => s.text);
    expect(spans).toContain('Moscou veut des garanties juridiques afin «d\'exclure l\'élargissement de l\'Alliance à l\'Est».');
    const seed002 = segmentSentences(seedText('002')).map((s) => s.text);
    expect(seed002).toContain('"Bien sûr, personne ne s\'attend à des miracles", a-t-il écrit dans un article sur les réseaux sociaux.');
  });
});
