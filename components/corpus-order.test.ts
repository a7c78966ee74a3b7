import { describe, expect, it } from 'vitest';
import type { DispatchInfo } from '../messaging/protocol';
import { corpusCounts, corpusOrder } from './corpus-order';

const d = (id: string, date: string, source: DispatchInfo['source'], outlet = 'O'): DispatchInfo => ({ id, outlet, origin: 'AFP', chain: ['AFP'], language: 'fr', date, title: id, words: 1, source });

describe('corpus order', () => {
  it('lists the reader’s dispatches first, then newest first', () => {
    const list = [d('b1', '2021-12-07', 'bundled'), d('i1', '2020-01', 'imported'), d('b2', '2022-01-28', 'bundled'), d('i2', '2025-05-05', 'imported')];
    expect(corpusOrder(list).map((x) => x.id)).toEqual(['i2', 'i1', 'b2', 'b1']);
    expect(corpusCounts(list)).toEqual({ count: 4, bundled: 2, imported: 2 });
  });
});
