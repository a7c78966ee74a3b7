import { describe, expect, it } from 'vitest';
import type { Passage } from '../engine/types';
import { groupPassages, initialPassage, listOrder, moveSelection, strongestPassage } from './passage-groups';

const p = (dispatch: string, start: number, kind: Passage['kind'] = 'edited', score = 0.9): Passage => ({
  dispatch,
  kind,
  quote: false,
  score,
  page: { start, end: start + 5, text: 'xxxxx' },
  source: { start: 0, end: 5, text: 'xxxxx' },
  diff: [],
});

describe('groupPassages', () => {
  it('groups by dispatch, strongest relation first, keeping page order and original indexes', () => {
    const groups = groupPassages({
      passages: [p('b', 0), p('a', 10), p('b', 20), p('c', 30)],
      dispatches: [
        { id: 'a', relation: 'republished', coverage: 0.7, narrationCoverage: 0.7, passages: 1 },
        { id: 'b', relation: 'reuses-passages', coverage: 0.2, narrationCoverage: 0.2, passages: 2 },
        { id: 'z', relation: 'shared-quotes', coverage: 0, narrationCoverage: 0, passages: 0 },
      ],
      dispatchInfo: {},
    });
    expect(groups.map((g) => g.id)).toEqual(['a', 'b', 'c']);
    expect(groups[1].items.map((i) => i.index)).toEqual([0, 2]);
    expect(groups[2].verdict).toBeUndefined();
    expect(listOrder(groups)).toEqual([1, 0, 2, 3]);
  });
});

describe('selection', () => {
  const order = [1, 0, 2, 3];
  // Same facts listed first (their dispatch is the strongest verdict), a verbatim copy further down.
  const groups = groupPassages({
    passages: [p('a', 0, 'same-fact', 0.95), p('b', 10, 'edited', 0.8), p('b', 20, 'verbatim', 1), p('c', 30, 'edited', 0.9)],
    dispatches: [],
    dispatchInfo: {},
  });
  it('starts on the asked-for passage when it exists, else on the strongest: verbatim, edited, then same facts', () => {
    expect(initialPassage(groups, 3)).toBe(3);
    expect(initialPassage(groups, 9)).toBe(2);
    expect(initialPassage(groups, null)).toBe(2);
    expect(strongestPassage(groups[1].items.slice(0, 1))).toBe(1);
    expect(strongestPassage([...groups[0].items, groups[2].items[0]])).toBe(3);
    expect(initialPassage([], 0)).toBeNull();
  });

  it('moves in list order and stops at the ends', () => {
    expect(moveSelection(order, 1, 'ArrowDown')).toBe(0);
    expect(moveSelection(order, 3, 'ArrowDown')).toBe(3);
    expect(moveSelection(order, 0, 'ArrowUp')).toBe(1);
    expect(moveSelection(order, 1, 'ArrowUp')).toBe(1);
    expect(moveSelection(order, 0, 'End')).toBe(3);
    expect(moveSelection(order, 3, 'Home')).toBe(1);
    expect(moveSelection(order, null, 'ArrowDown')).toBe(1);
    expect(moveSelection(order, 2, 'x')).toBe(2);
  });
});
