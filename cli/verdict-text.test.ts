import { describe, expect, it } from 'vitest';
import type { DispatchVerdict } from '../engine/index';
import { describeSource, percent, verdictSentence } from './verdict-text';

const europe1 = { id: 'e1', outlet: 'Europe 1', origin: 'AFP', chain: ['AFP', 'Europe 1'] };
const verdict = (relation: DispatchVerdict['relation'], coverage: number): DispatchVerdict => ({
  id: 'e1',
  relation,
  coverage,
  narrationCoverage: coverage,
  passages: 1,
});

describe('verdict text', () => {
  it('names origin and outlet, or the longer chain', () => {
    expect(describeSource(europe1)).toBe('AFP via Europe 1');
    expect(describeSource({ id: 'x', outlet: 'AFP', origin: 'AFP', chain: ['AFP'] })).toBe('AFP');
    expect(
      describeSource({ id: 'x', outlet: 'news-24.fr', origin: 'AFP', chain: ['AFP', 'News24', 'news-24.fr'] }),
    ).toBe('AFP via News24 → news-24.fr');
  });

  it('rounds shares to whole percents but keeps a small real share visible', () => {
    expect(percent(0.7234)).toBe('72%');
    expect(percent(0.003)).toBe('<1%');
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
  });

  it('says one sentence per relation', () => {
    expect(verdictSentence(verdict('republished', 0.72), europe1)).toBe('republished from AFP via Europe 1: 72% of the page');
    expect(verdictSentence(verdict('reuses-passages', 0.1), europe1)).toBe('reuses passages of AFP via Europe 1: 10% of the page');
    expect(verdictSentence(verdict('shared-quotes', 0.04), europe1)).toBe('shares quotations with AFP via Europe 1: 4% of the page');
    expect(verdictSentence(verdict('shared-quotes', 0.04), undefined)).toBe('shares quotations with e1: 4% of the page');
  });

  it('says which dispatch a page translates, and from which language', () => {
    const who = { id: 'w', outlet: 'WHO', origin: 'WHO', chain: ['WHO'], language: 'en' };
    const translated = { id: 'w', relation: 'translated' as const, coverage: 0.94, narrationCoverage: 0, passages: 16 };
    expect(verdictSentence(translated, who)).toBe("translates WHO (English): 94% of the page's sentences beside their original");
    expect(verdictSentence(translated, undefined)).toBe("translates w: 94% of the page's sentences beside their original");
  });
});
