import { describe, expect, it } from 'vitest';
import type { Dispatch, MatchResult } from '../engine/index';
import { paint } from './ansi';
import { jsonReport } from './json-report';
import { inlineDiff, oneLine, textReport } from './text-report';

const dispatch: Dispatch = {
  id: 'afp-e1',
  outlet: 'Europe 1',
  origin: 'AFP',
  chain: ['AFP', 'Europe 1'],
  language: 'fr',
  date: '2021-12-07',
  title: 'Titre',
  paragraphs: ['Le président russe a parlé lundi avec Joe Biden.', 'Autre paragraphe.'],
};
const source = dispatch.paragraphs.join('\n\n');
const pageText = 'Introduction de la page.\n\nLe président russe a parlé mardi avec Joe Biden. Fin de la page.';
const pageStart = pageText.indexOf('Le président');
const pageEnd = pageText.indexOf(' Fin');
const sourceEnd = source.indexOf('\n\n');

const result: MatchResult = {
  pageWords: 17,
  passages: [
    {
      dispatch: 'afp-e1',
      kind: 'edited',
      quote: false,
      score: 0.875,
      // Span texts deliberately differ from the slices: the reports must slice the real texts.
      page: { start: pageStart, end: pageEnd, text: 'stale' },
      source: { start: 0, end: sourceEnd, text: 'stale' },
      diff: [
        { op: 0, text: 'Le président russe a parlé ' },
        { op: -1, text: 'lundi' },
        { op: 1, text: 'mardi' },
        { op: 0, text: ' avec Joe Biden.' },
      ],
    },
  ],
  dispatches: [{ id: 'afp-e1', relation: 'reuses-passages', coverage: 0.47, narrationCoverage: 0.47, passages: 1 }],
};
const byId = new Map([[dispatch.id, dispatch]]);
const sourceText = (id: string) => (id === dispatch.id ? source : '');

describe('jsonReport', () => {
  it('has exactly the public fields, with texts sliced at the offsets', () => {
    expect(jsonReport(result, pageText, byId, sourceText)).toEqual({
      dispatches: [{ id: 'afp-e1', outlet: 'Europe 1', origin: 'AFP', relation: 'reuses-passages', coverage: 0.47 }],
      passages: [
        {
          dispatch: 'afp-e1',
          kind: 'edited',
          quote: false,
          score: 0.875,
          page: { start: pageStart, end: pageEnd, text: 'Le président russe a parlé mardi avec Joe Biden.' },
          source: { start: 0, end: sourceEnd, text: 'Le président russe a parlé lundi avec Joe Biden.' },
        },
      ],
    });
  });
});

describe('textReport', () => {
  const input = { file: 'page.txt', result, pageText, byId, sourceText, corpusSize: 5 };

  it('gives word count, verdict, and each passage with offsets, texts and inline diff', () => {
    const text = textReport(input, paint(false));
    expect(text).toContain('page.txt: 17 words, matched against 5 dispatches');
    expect(text).toContain('reuses passages of AFP via Europe 1: 47% of the page [afp-e1, 1 passage]');
    expect(text).toContain('1. edited, narration, score 0.88, from Europe 1 [afp-e1]');
    expect(text).toContain(`page   ${pageStart}–${pageEnd}: Le président russe a parlé mardi avec Joe Biden.`);
    expect(text).toContain(`source 0–${sourceEnd}: Le président russe a parlé lundi avec Joe Biden.`);
    expect(text).toContain('diff: Le président russe a parlé [-lundi-]{+mardi+} avec Joe Biden.');
    expect(text).not.toContain('\u001b[');
  });

  it('colours only when asked', () => {
    const text = textReport(input, paint(true));
    expect(text).toContain('\u001b[31m[-lundi-]\u001b[39m');
    expect(text).toContain('\u001b[32m{+mardi+}\u001b[39m');
  });

  it('says so when nothing matches', () => {
    const none: MatchResult = { pageWords: 3, passages: [], dispatches: [] };
    const text = textReport({ ...input, result: none, corpusSize: 1 }, paint(false));
    expect(text).toContain('page.txt: 3 words, matched against 1 dispatch\n');
    expect(text).toContain('No passage of this page matches the corpus.');
  });

  it('shows paragraph breaks inside a passage as ¶', () => {
    expect(oneLine('Fin.\n\nDébut')).toBe('Fin. ¶ Début');
    expect(inlineDiff([{ op: 0, text: 'a.\n\n' }, { op: 1, text: 'b' }], paint(false))).toBe('a. ¶ {+b+}');
  });
});
