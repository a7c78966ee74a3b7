import { describe, expect, it } from 'vitest';
import { groupPassages } from './passage-groups';

const p = (kind: 'verbatim' | 'edited', start: number, end: number) => ({ kind, page: { start, end, text: '' } });

describe('groupPassages', () => {
  it('merges overlapping passages of one kind and keeps their indices', () => {
    const groups = groupPassages([p('verbatim', 0, 10), p('verbatim', 5, 20), p('verbatim', 30, 40)], 100);
    expect(groups).toEqual([
      { kind: 'verbatim', start: 0, end: 20, passages: [0, 1] },
      { kind: 'verbatim', start: 30, end: 40, passages: [2] },
    ]);
  });

  it('keeps touching passages apart and kinds apart', () => {
    const groups = groupPassages([p('edited', 10, 20), p('verbatim', 0, 10), p('verbatim', 12, 15), p('edited', 20, 25)], 100);
    expect(groups).toEqual([
      { kind: 'verbatim', start: 0, end: 10, passages: [1] },
      { kind: 'edited', start: 10, end: 20, passages: [0] },
      { kind: 'verbatim', start: 12, end: 15, passages: [2] },
      { kind: 'edited', start: 20, end: 25, passages: [3] },
    ]);
  });

  it('clamps to the text and drops empty passages', () => {
    expect(groupPassages([p('edited', 90, 120), p('verbatim', 5, 5)], 100)).toEqual([
      { kind: 'edited', start: 90, end: 100, passages: [0] },
    ]);
  });
});
