import { describe, expect, it } from 'vitest';
import type { Passage } from '../../engine/types';
import type { DispatchInfo } from '../../messaging/protocol';
import { cardFact, cardItems } from './card-items';

const passage = (dispatch: string, kind: Passage['kind'], score: number, quote = false): Passage => ({
  dispatch,
  kind,
  quote,
  score,
  page: { start: 0, end: 1, text: 'x' },
  source: { start: 0, end: 1, text: 'x' },
  diff: [],
});
const info = (id: string, outlet: string, origin: string, chain: string[]): DispatchInfo => ({
  id, outlet, origin, chain, language: 'fr', date: '2021-12', title: 't', words: 10, source: 'bundled',
});

describe('cardItems', () => {
  const result = {
    passages: [passage('a', 'edited', 0.8), passage('b', 'verbatim', 1, true), passage('c', 'edited', 0.95)],
    dispatchInfo: { a: info('a', 'Europe 1', 'AFP', ['AFP', 'Europe 1']), b: info('b', 'RT', 'RT', ['RT']) },
  };

  it('puts verbatim first, then the best score, and names outlet, origin and chain', () => {
    const items = cardItems(result, [0, 1, 2, 1]);
    expect(items.map((i) => i.index)).toEqual([1, 2, 0]);
    expect(items[0]).toMatchObject({ outlet: 'RT', origin: 'RT', kind: 'verbatim', quote: true, score: 1 });
    expect(items[2]).toMatchObject({ outlet: 'Europe 1', origin: 'AFP', chain: ['AFP', 'Europe 1'] });
  });

  it('leaves the outlet empty for a dispatch the reply does not describe, and skips unknown indices', () => {
    const items = cardItems(result, [2, 9]);
    expect(items).toHaveLength(1);
    expect(items[0].outlet).toBe('');
  });
});

describe('cardFact', () => {
  const fact = (dispatch: string, start: number, end: number, hints: Passage['hints'] = []): Passage => ({
    ...passage(dispatch, 'same-fact', 0.4),
    page: { start, end, text: 'x' },
    hints,
  });
  const hint = (type: 'entities' | 'hedging', code: string, params: Record<string, string>) => ({
    type,
    code,
    params,
    note: 'English note',
    page: { start: 0, end: 0, text: '' },
    source: { start: 0, end: 0, text: '' },
  });
  const result = {
    passages: [
      fact('a', 0, 50, [hint('entities', 'entity-only-page', { word: 'Europe' })]),
      fact('b', 0, 50, [hint('hedging', 'hedge-only-source', { word: 'aurait' })]),
      fact('a', 60, 90),
      passage('c', 'verbatim', 1),
      fact('c', 0, 50),
    ],
    dispatchInfo: { a: info('a', 'Europe 1', 'AFP', ['AFP', 'Europe 1']), b: info('b', 'RT', 'RT', ['RT']) },
  };

  it('counts the distinct outlets telling the sentence and words the sharpest difference', () => {
    const f = cardFact(result, [0, 1]);
    expect(f?.outlets).toBe(3);
    expect(f?.sharpest).toEqual({ outlet: 'RT', text: 'RT hedges (“aurait”) where this page asserts' });
  });

  it('is undefined for copied text alone, and has no sharpest difference without hints', () => {
    expect(cardFact(result, [3])).toBeUndefined();
    expect(cardFact(result, [2])).toEqual({ outlets: 1 });
  });

  it('puts same-fact items after copied text', () => {
    expect(cardItems(result, [0, 3]).map((i) => i.kind)).toEqual(['verbatim', 'same-fact']);
  });
});
