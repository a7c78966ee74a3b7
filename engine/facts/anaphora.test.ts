import { describe, expect, it } from 'vitest';
import { analyzeText } from './terms';

const keys = (text: string, language?: string) => analyzeText(text, language).sentences.map((s) => s.hits.map((h) => h.key));

describe('anaphora', () => {
  it('lends the previous sentence’s subject to a sentence opened by a subject pronoun', () => {
    const [, second] = keys('La flèche de la cathédrale a pris feu vers 19 heures. Une heure plus tard, elle s’effondre.', 'fr');
    const [alone] = keys('La flèche s’effondre.', 'fr');
    expect(second).toContain(alone[0]);
    const [, en] = keys('The Kremlin rejected the accusations on Monday. It called them baseless. They were groundless, it said.', 'en');
    expect(en.some((k) => k.startsWith('e:kremlin'))).toBe(false); // "It" is no anaphor here
    const [, he] = keys('Vladimir Putin spoke for two hours. He warned of a response.', 'en');
    expect(he[0]).toBe('e:putin');
  });

  it('places the borrowed term on the anaphor, so that the shared words marked stay in the sentence', () => {
    const text = 'Le Kremlin a rejeté ces accusations. Ces accusations sont infondées, selon Moscou.';
    const [first, second] = analyzeText(text, 'fr').sentences;
    const borrowed = second.hits[0];
    expect(borrowed.key).toBe(first.hits[0].key);
    expect(text.slice(borrowed.start, borrowed.end)).toBe('Ces');
    expect(borrowed.start).toBeGreaterThanOrEqual(second.span.start);
  });

  it('borrows nothing when the sentence names its subject or opens otherwise', () => {
    const [, second] = keys('Le Kremlin a démenti. Moscou a ensuite dénoncé une provocation.', 'fr');
    expect(second.filter((k) => k === 'e:kremlin')).toEqual([]);
    const [, third] = keys('La flèche s’est effondrée. Selon les pompiers de Paris, la structure a tenu.', 'fr');
    expect(third).not.toContain(keys('La flèche.', 'fr')[0][0]);
  });
});
