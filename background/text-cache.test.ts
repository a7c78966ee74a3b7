import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../engine/types';
import { textCache } from './text-cache';

const dispatch = (id: string): Dispatch => ({ id, outlet: 'O', origin: 'O', chain: ['O'], language: 'fr', date: '2025-01-01', title: '', paragraphs: [id.repeat(10)] }) as Dispatch;

describe('textCache', () => {
  it('lets the oldest texts go beyond its bound, but not those asked for again meanwhile', async () => {
    const reads: string[][] = [];
    const cache = textCache(async (ids) => (reads.push(ids), ids.map((id) => ({ dispatch: dispatch(id) }))), 35);
    await cache.load(['a', 'b']);
    await cache.load(['c']);
    // 'a' is asked for again while other texts are read: it stays, 'b' goes.
    await Promise.all([cache.load(['a']), cache.load(['d'])]);
    expect(reads).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(cache.peek('a')).toBeDefined();
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('d')).toBeDefined();
  });
});
