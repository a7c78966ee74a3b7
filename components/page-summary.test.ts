import { afterEach, describe, expect, it } from 'vitest';
import type { Passage } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { setLanguage } from '../i18n/t';
import { pageSummary } from './page-summary';
import { ownShare, segmentLabel, summaryHeadline } from './summary-text';

// Ten words, one per two characters: word i starts at 2 * i.
const text = 'a b c d e f g h i j';
const at = (from: number, to: number) => ({ start: from * 2, end: to * 2 - 1, text: '' });
const passage = (dispatch: string, kind: Passage['kind'], from: number, to: number, origins?: string[]): Passage => ({
  dispatch,
  kind,
  quote: false,
  score: 1,
  page: at(from, to),
  source: at(from, to),
  diff: [],
  origins,
});
const info = (outlet: string, origin: string) => ({ outlet, origin }) as DispatchInfo;
const dispatchInfo = { e1: info('Europe 1', 'AFP'), fi: info('franceinfo', 'AFP'), lm: info('Le Monde', 'AFP'), nyt: info('NYT', 'Reuters'), bbc: info('BBC', 'BBC') };

afterEach(() => setLanguage('en'));

describe('pageSummary', () => {
  it('gives each page word to one origin, copy first, and names the outlets that ran it', () => {
    const summary = pageSummary({
      text,
      pageWords: 10,
      dispatchInfo,
      passages: [
        passage('e1', 'verbatim', 0, 5),
        passage('fi', 'edited', 3, 7),
        passage('lm', 'verbatim', 0, 2),
        passage('nyt', 'translated', 6, 9),
        passage('bbc', 'same-fact', 9, 10),
      ],
    });
    expect(summary.shares.map((s) => [s.origin, s.kind, s.words])).toEqual([
      ['AFP', 'copy', 7],
      ['Reuters', 'translation', 2],
    ]);
    expect(summary.shares[0].share).toBeCloseTo(0.7);
    expect(summary.shares[0].outlets).toEqual(['Europe 1', 'franceinfo', 'Le Monde']);
    expect(summary.counts).toEqual({ reused: 3, translated: 1, sameFact: 1 });
    expect(ownShare(summary)).toBeCloseTo(0.1);
  });

  it('follows the origin of the passage when its dispatch mixes sources', () => {
    const summary = pageSummary({ text, pageWords: 10, dispatchInfo, passages: [passage('nyt', 'verbatim', 0, 2, ['AFP']), passage('nyt', 'verbatim', 2, 6)] });
    expect(summary.shares.map((s) => [s.origin, s.words])).toEqual([
      ['Reuters', 4],
      ['AFP', 2],
    ]);
  });
});

describe('summaryHeadline', () => {
  const copy = pageSummary({ text, pageWords: 10, dispatchInfo, passages: [passage('e1', 'verbatim', 0, 6), passage('fi', 'edited', 6, 7), passage('lm', 'verbatim', 0, 3)] });

  it('says in one sentence how much of the page is whose copy, in English and French', () => {
    setLanguage('en');
    expect(summaryHeadline(copy)).toBe('70% of this page is AFP copy, run by 3 outlets you know');
    setLanguage('fr');
    expect(summaryHeadline(copy)).toBe('70\u00a0% de cette page est une copie d’AFP, reprise par 3 médias que vous connaissez');
    expect(segmentLabel(copy.shares[0])).toBe('Copie d’AFP\u202f: 70\u00a0%');
  });

  it('speaks of a translation, and of same facts when nothing is copied', () => {
    setLanguage('fr');
    const translated = pageSummary({ text, pageWords: 10, dispatchInfo, passages: [passage('nyt', 'translated', 0, 4)] });
    expect(summaryHeadline(translated)).toBe('40\u00a0% de cette page est une traduction de Reuters');
    const told = pageSummary({ text, pageWords: 10, dispatchInfo, passages: [passage('bbc', 'same-fact', 0, 4), passage('e1', 'same-fact', 0, 4)] });
    expect(summaryHeadline(told)).toBe('Aucun texte copié\u202f; 1 phrase de cette page est racontée par BBC et Europe 1 en d’autres mots');
    expect(summaryHeadline(pageSummary({ text, pageWords: 10, dispatchInfo, passages: [] }))).toBeNull();
  });
});
