import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { withoutSelf } from './self-match';

const info = (id: string, url?: string): DispatchInfo => ({ id, outlet: id, origin: id, chain: [id], language: 'fr', date: '2025-01-01', title: id, url, words: 10, source: 'imported' });
const passage = (dispatch: string) => ({ dispatch, kind: 'verbatim' as const, quote: false, score: 1, page: { start: 0, end: 1, text: 'a' }, source: { start: 0, end: 1, text: 'a' }, diff: [] });
const result: MatchResult = {
  passages: [passage('self'), passage('other')],
  dispatches: [
    { id: 'self', relation: 'republished', coverage: 1, narrationCoverage: 1, passages: 1 },
    { id: 'other', relation: 'reuses-passages', coverage: 0.2, narrationCoverage: 0.2, passages: 1 },
  ],
  pageWords: 10,
};
const infos: Record<string, DispatchInfo> = { self: info('self', 'https://a.example/p'), other: info('other', 'https://b.example/q') };

describe('withoutSelf', () => {
  it('drops the dispatch that is the page itself, whatever its fragment or tracking parameters', () => {
    const out = withoutSelf(result, (id) => infos[id], 'https://a.example/p?utm_source=feed#x');
    expect(out.passages.map((p) => p.dispatch)).toEqual(['other']);
    expect(out.dispatches.map((d) => d.id)).toEqual(['other']);
  });

  it('keeps everything on another page', () => {
    expect(withoutSelf(result, (id) => infos[id], 'https://a.example/other')).toBe(result);
  });
});
