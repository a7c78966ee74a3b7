import { describe, expect, it } from 'vitest';
import { diffColumns, sliceAround, snippet } from './diff-columns';

describe('diffColumns', () => {
  it('puts page-only words on the page side and dispatch-only words on the dispatch side', () => {
    const columns = diffColumns({
      page: { start: 0, end: 0, text: '' },
      source: { start: 0, end: 0, text: '' },
      diff: [
        { op: 0, text: 'Vladimir Poutine a ' },
        { op: -1, text: 'exigé' },
        { op: 1, text: 'réclamé' },
        { op: 0, text: ' des garanties' },
        { op: 1, text: ' juridiques' },
        { op: 0, text: ' à Joe Biden.' },
      ],
    });
    expect(columns.page).toEqual([
      { text: 'Vladimir Poutine a ', changed: false },
      { text: 'réclamé', changed: true },
      { text: ' des garanties', changed: false },
      { text: ' juridiques', changed: true },
      { text: ' à Joe Biden.', changed: false },
    ]);
    expect(columns.source).toEqual([
      { text: 'Vladimir Poutine a ', changed: false },
      { text: 'exigé', changed: true },
      { text: ' des garanties à Joe Biden.', changed: false },
    ]);
    // Each side rebuilds its own text.
    expect(columns.page.map((s) => s.text).join('')).toBe('Vladimir Poutine a réclamé des garanties juridiques à Joe Biden.');
    expect(columns.source.map((s) => s.text).join('')).toBe('Vladimir Poutine a exigé des garanties à Joe Biden.');
  });

  it('shows both texts whole when a passage carries no diff', () => {
    const columns = diffColumns({ page: { start: 3, end: 8, text: 'Paris' }, source: { start: 0, end: 5, text: 'Paris' }, diff: [] });
    expect(columns).toEqual({ page: [{ text: 'Paris', changed: false }], source: [{ text: 'Paris', changed: false }] });
  });
});

describe('sliceAround', () => {
  it('splits a text around a range and clamps offsets outside it', () => {
    expect(sliceAround('abcdefgh', 2, 5)).toEqual(['ab', 'cde', 'fgh']);
    expect(sliceAround('abc', -4, 99)).toEqual(['', 'abc', '']);
    expect(sliceAround('abc', 2, 1)).toEqual(['ab', '', 'c']);
  });
});

describe('snippet', () => {
  it('flattens white space and cuts long passages at a word', () => {
    expect(snippet('  un\n\ndeux   trois ')).toBe('un deux trois');
    const long = 'mot '.repeat(100);
    const cut = snippet(long, 30);
    expect(cut.length).toBeLessThanOrEqual(31);
    expect(cut.endsWith('mot…')).toBe(true);
  });
});
