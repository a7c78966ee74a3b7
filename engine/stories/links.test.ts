import { describe, expect, it } from 'vitest';
import type { Hint, Passage } from '../types';
import { linksOf } from './links';

const span = (start: number) => ({ start, end: start + 5, text: 'abcde' });
const hint = (type: Hint['type'], at: number): Hint => ({ type, page: span(at), source: span(at), note: '', code: `${type}-x`, params: {} });
const passage = (dispatch: string, kind: Passage['kind'], at: number, hints: Hint[] = []): Passage => ({ dispatch, kind, quote: false, score: 0.5, page: span(at), source: span(at), diff: [], hints });

describe('linksOf', () => {
  it('counts a sentence told twice by the other article as one fact, keeps remembered articles only, sharpest hints first', () => {
    const alignment = {
      passages: [
        passage('read-b', 'same-fact', 0, [hint('entities', 0)]),
        passage('read-b', 'same-fact', 0),
        passage('read-b', 'same-fact', 40, [hint('hedging', 40)]),
        passage('read-c', 'edited', 80),
        passage('afp-1', 'verbatim', 80),
        passage('read-a', 'verbatim', 0),
      ],
      dispatches: [{ id: 'read-c', relation: 'reuses-passages' as const, coverage: 0.3, narrationCoverage: 0.3, passages: 1 }],
    };
    const { links } = linksOf('read-a', alignment, (id) => id.startsWith('read-'));
    expect(links.map((l) => [l.other, l.passages, l.facts, l.coverage])).toEqual([
      ['read-b', 0, 2, 0],
      ['read-c', 1, 0, 0.3],
    ]);
    expect(links[0].hints.map((h) => h.type)).toEqual(['hedging', 'entities']);
  });
});
