import { describe, expect, it } from 'vitest';
import type { MatchResult, Passage } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { badgeText, toPageResult } from './page-result';

const info = (id: string): DispatchInfo => ({
  id,
  outlet: `Outlet ${id}`,
  origin: 'AFP',
  chain: ['AFP', `Outlet ${id}`],
  language: 'fr',
  date: '2021-12-07',
  title: `Title ${id}`,
  words: 400,
  source: 'bundled',
});

const passage = (dispatch: string): Passage => ({
  dispatch,
  kind: 'verbatim',
  quote: false,
  score: 1,
  page: { start: 0, end: 5, text: 'alpha' },
  source: { start: 10, end: 15, text: 'alpha' },
  diff: [{ op: 0, text: 'alpha' }],
});

describe('toPageResult', () => {
  it('describes exactly the dispatches the page relates to', () => {
    const match: MatchResult = {
      passages: [passage('a'), passage('b')],
      dispatches: [{ id: 'a', relation: 'republished', coverage: 0.8, narrationCoverage: 0.8, passages: 1 }],
      pageWords: 120,
    };
    const known: Record<string, DispatchInfo> = { a: info('a'), b: info('b'), c: info('c') };
    const page = toPageResult(match, { url: 'https://x.example/', title: 'T', text: 'alpha beta' }, (id) => known[id]);
    expect(Object.keys(page.dispatchInfo).sort()).toEqual(['a', 'b']);
    expect(page.dispatchInfo.a.outlet).toBe('Outlet a');
    expect(page).toMatchObject({ url: 'https://x.example/', title: 'T', text: 'alpha beta', pageWords: 120 });
    expect(page.passages).toHaveLength(2);
  });

  it('leaves out dispatches it cannot describe rather than inventing labels', () => {
    const match: MatchResult = { passages: [passage('gone')], dispatches: [], pageWords: 10 };
    const page = toPageResult(match, { url: 'u', title: 't', text: 'x' }, () => undefined);
    expect(page.dispatchInfo).toEqual({});
  });
});

describe('badgeText', () => {
  it('shows the number of passages and nothing for none', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(1200)).toBe('999+');
  });
});
