import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/t';
import { formatDate, formatPercent, passageSummary, plural, relationLabel, verdictText } from './format';

afterEach(() => setLanguage('en'));

const europe1 = { outlet: 'Europe 1', origin: 'AFP' };

describe('verdictText', () => {
  it('says same story with the number of facts in common, in both languages', () => {
    setLanguage('en');
    expect(verdictText({ relation: 'same-story', coverage: 0.3, facts: 3 }, europe1)).toBe('Same story as Europe 1 — 3 facts in common');
    expect(relationLabel('same-story')).toBe('Same story');
    setLanguage('fr');
    expect(verdictText({ relation: 'same-story', coverage: 0.3, facts: 2 }, europe1)).toBe('Même histoire qu’Europe 1 — 2 faits en commun');
  });

  it('names origin, outlet and coverage for a republished page', () => {
    setLanguage('en');
    expect(verdictText({ relation: 'republished', coverage: 0.84 }, europe1)).toBe('Republished from AFP via Europe 1 — 84% of the page');
    expect(verdictText({ relation: 'reuses-passages', coverage: 0.12 }, europe1)).toBe('Reuses passages of Europe 1 (AFP) — 12%');
    expect(verdictText({ relation: 'shared-quotes', coverage: 0.05 }, europe1)).toBe('Shares quotations with Europe 1');
  });

  it('does not repeat an outlet that is its own origin', () => {
    setLanguage('en');
    expect(verdictText({ relation: 'republished', coverage: 0.5 }, { outlet: 'AFP', origin: 'AFP' })).toBe('Republished from AFP — 50% of the page');
    expect(verdictText({ relation: 'reuses-passages', coverage: 0.2 }, { outlet: 'RT', origin: '' })).toBe('Reuses passages of RT — 20%');
  });

  it('speaks French with French number spacing', () => {
    setLanguage('fr');
    // ICU versions differ on the space before %: a no-break space either way, never a breaking one.
    expect(verdictText({ relation: 'republished', coverage: 0.84 }, europe1)).toMatch(/^Republié depuis AFP via Europe 1 — 84[\u00a0\u202f]% de la page$/);
    expect(verdictText({ relation: 'shared-quotes', coverage: 0.1 }, europe1)).toBe('Partage des citations avec Europe 1');
    expect(relationLabel('reuses-passages')).toBe('Reprend des passages');
    expect(verdictText({ relation: 'reuses-passages', coverage: 0.12 }, { outlet: 'Europe 1', origin: 'Europe 1' })).toMatch(/^Reprend des passages d’Europe 1 — 12/);
    expect(verdictText({ relation: 'reuses-passages', coverage: 0.12 }, { outlet: 'Le Monde', origin: 'AFP' })).toMatch(/^Reprend des passages du Monde \(AFP\)/);
  });

  it('speaks of the dispatch in the reading view', () => {
    setLanguage('en');
    expect(verdictText({ relation: 'republished', coverage: 0.84 }, europe1, 'dispatch')).toBe('Republished from AFP via Europe 1 — 84% of the dispatch');
    setLanguage('fr');
    expect(verdictText({ relation: 'republished', coverage: 0.84 }, europe1, 'dispatch')).toMatch(/de la dépêche$/);
  });
});

describe('formatPercent', () => {
  it('rounds to whole percents and never shows a real share as 0%', () => {
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(0.996, 'en')).toBe('100%');
    expect(formatPercent(0.001, 'en')).toBe('under 1%');
    expect(formatPercent(1.7, 'en')).toBe('100%');
  });
});

describe('formatDate', () => {
  it('writes stored dates out in the interface language', () => {
    expect(formatDate('2021-12-07', 'en')).toBe('December 7, 2021');
    expect(formatDate('2021-12-07', 'fr')).toBe('7 décembre 2021');
    expect(formatDate('2022-01', 'fr')).toBe('janvier 2022');
    expect(formatDate('2026-12-01', 'fr')).toBe('1er décembre 2026');
    expect(formatDate('sometime', 'en')).toBe('sometime');
  });
});

describe('plural', () => {
  it('follows each language’s rule for zero and one', () => {
    setLanguage('en');
    expect(plural(1, 'uiPassagesOne', 'uiPassagesMany', 'en')).toBe('1 reused passage');
    expect(plural(0, 'uiPassagesOne', 'uiPassagesMany', 'en')).toBe('0 reused passages');
    setLanguage('fr');
    expect(plural(0, 'uiPassagesOne', 'uiPassagesMany', 'fr')).toBe('0 passage repris');
    expect(plural(3, 'uiPassagesOne', 'uiPassagesMany', 'fr')).toBe('3 passages repris');
  });
});

describe('passageSummary', () => {
  const at = (kind: 'verbatim' | 'same-fact' | 'translated', start: number) => ({ kind, page: { start, end: start + 10, text: '' } });
  it('counts reused passages and the sentences told elsewhere apart', () => {
    setLanguage('en');
    expect(passageSummary([at('verbatim', 0), at('same-fact', 20), at('same-fact', 20), at('same-fact', 40)])).toBe('1 reused passage · 2 sentences told elsewhere in other words');
    expect(passageSummary([at('same-fact', 20)])).toBe('1 sentence told elsewhere in other words');
    expect(passageSummary([])).toBe('0 reused passages');
  });

  it('counts the sentences translated from a dispatch apart from reused text', () => {
    setLanguage('en');
    expect(passageSummary([at('translated', 0), at('translated', 20)])).toBe('2 sentences translated from the corpus');
    setLanguage('fr');
    expect(passageSummary([at('translated', 0), at('same-fact', 40)])).toBe('1 phrase traduite du corpus · 1 phrase racontée ailleurs en d’autres mots');
  });
});

describe('translated verdict', () => {
  it('names the original, its language and the share of the page, in both languages', () => {
    const who = { outlet: 'WHO', origin: 'WHO', language: 'en' };
    setLanguage('en');
    expect(verdictText({ relation: 'translated', coverage: 0.94 }, who)).toBe('Translation of WHO (English) — 94% of the page');
    expect(relationLabel('translated')).toBe('Translation');
    setLanguage('fr');
    expect(verdictText({ relation: 'translated', coverage: 0.94 }, who)).toBe('Traduction de WHO (anglais) — 94\u00a0% de la page');
  });
});
