import { describe, expect, it } from 'vitest';
import { buildIndex } from './corpus-index';
import { match } from './match';
import { REPUBLISHED_MIN_COVERAGE } from './relation';
import { OWN_FRENCH } from './test-support/pages';
import { seedText } from './test-support/seeds';

/**
 * Calibration of the relation boundaries on pages built from a dispatch: the coverage each kind
 * of page reaches, and the relation it must get.
 */
const source = seedText('000');
const paragraphs = source.split(/\n\n+/);
const index = buildIndex([{ id: 'afp', text: source }]);
const run = (page: string) => match(page, index, () => source).dispatches[0];

describe('relation calibration', () => {
  it('a whole copy, retyped, is republished with full coverage', () => {
    const v = run(source.replace(/"/g, '«\u00a0').replace(/'/g, '’'));
    expect(v.relation).toBe('republished');
    expect(v.coverage).toBeGreaterThan(0.95);
  });

  it('a copy trimmed to its first paragraphs, lightly edited, is republished', () => {
    const page = paragraphs.slice(0, 3).join('\n\n').replace('a dénoncé mardi', 'a critiqué mardi');
    const v = run(page);
    expect(v.relation).toBe('republished');
    expect(v.narrationCoverage).toBeGreaterThan(0.6);
  });

  it('a copy under a short intro of the outlet’s own is republished', () => {
    const page = [OWN_FRENCH[0], OWN_FRENCH[1], ...paragraphs.slice(0, 4)].join('\n\n');
    const v = run(page);
    expect(v.relation).toBe('republished');
    expect(v.narrationCoverage).toBeGreaterThanOrEqual(REPUBLISHED_MIN_COVERAGE);
    expect(v.narrationCoverage).toBeLessThan(0.9);
  });

  it('an article of its own taking two sentences reuses passages', () => {
    const own = OWN_FRENCH.join(' ');
    const taken = paragraphs[2].split('. ').slice(0, 2).join('. ') + '.';
    const v = run(`${own}\n\n${taken}\n\n${own}`);
    expect(v.relation).toBe('reuses-passages');
    expect(v.coverage).toBeGreaterThan(0.05);
    expect(v.coverage).toBeLessThan(0.4);
  });

  it('an article sharing only a quotation shares quotes', () => {
    const quote =
      '« L’Otan fait des tentatives dangereuses d’user du territoire ukrainien et développe son potentiel militaire à nos frontières, c’est pourquoi la Russie a un intérêt sérieux à des garanties juridiques sûres »';
    const page = `${OWN_FRENCH[0]} Moscou l’a redit mercredi : ${quote}, selon un texte officiel. ${OWN_FRENCH[1]}`;
    const result = match(page, index, () => source);
    expect(result.passages.length).toBeGreaterThan(0);
    for (const p of result.passages) expect(p.quote).toBe(true);
    expect(result.dispatches.map((d) => d.relation)).toEqual(['shared-quotes']);
  });

  it('a page sharing nothing gets no verdict', () => {
    expect(match(OWN_FRENCH.join(' '), index, () => source).dispatches).toEqual([]);
  });
});
