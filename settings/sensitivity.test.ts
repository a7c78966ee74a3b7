import { describe, expect, it } from 'vitest';
import { buildIndex, dispatchText, match } from '../engine/index';
import { isSensitivity, sensitivityOptions } from './sensitivity';

const source = {
  id: 'd',
  outlet: 'O',
  origin: 'AFP',
  chain: ['AFP'],
  language: 'fr',
  date: '2022-01-01',
  title: 'T',
  paragraphs: [
    'Le conseil municipal a voté mardi soir un budget de rénovation des écoles primaires de la ville, après trois heures de débat.',
    'Les travaux commenceront au printemps et dureront deux ans, selon la mairie.',
  ],
};

function passagesAt(level: 'strict' | 'normal' | 'sensitive', page: string): number {
  const text = dispatchText(source);
  const index = buildIndex([{ id: 'd', text }]);
  return match(page, index, () => text, sensitivityOptions(level)).passages.length;
}

describe('sensitivity', () => {
  it('normal leaves the engine defaults alone; strict asks for more, sensitive for less', () => {
    expect(sensitivityOptions('normal')).toEqual({});
    const strict = sensitivityOptions('strict');
    const sensitive = sensitivityOptions('sensitive');
    for (const key of ['minWords', 'minRunWords', 'minScore'] as const) {
      expect(strict[key]).toBeGreaterThan(sensitive[key]!);
    }
    // Below the index's shingle length a run cannot be found at all.
    expect(sensitive.minRunWords).toBeGreaterThanOrEqual(5);
    expect(isSensitivity('strict')).toBe(true);
    expect(isSensitivity('loose')).toBe(false);
  });

  it('changes what the engine reports: a short reused clause counts only when sensitive', () => {
    // Six words in a row from the dispatch, inside text of its own.
    const page = 'Dans un autre registre, les travaux commenceront au printemps et dureront encore longtemps, disent les riverains inquiets.';
    expect(passagesAt('sensitive', page)).toBe(1);
    expect(passagesAt('normal', page)).toBe(0);
    expect(passagesAt('strict', page)).toBe(0);
  });

  it('a sentence copied whole is found at every level', () => {
    const page = `Autre chose d’abord. ${source.paragraphs[0]} Et puis autre chose encore, sans rapport.`;
    for (const level of ['strict', 'normal', 'sensitive'] as const) expect(passagesAt(level, page)).toBe(1);
  });
});
