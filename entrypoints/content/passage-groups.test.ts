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

describe('groupPassages with same-fact passages', () => {
  const f = (start: number, end: number) => ({ kind: 'same-fact' as const, page: { start, end, text: '' } });

  it('merges the dispatches telling one sentence into one group, after the text kinds', () => {
    const groups = groupPassages([f(0, 50), p('verbatim', 100, 140), f(0, 50)], 200);
    expect(groups).toEqual([
      { kind: 'same-fact', start: 0, end: 50, passages: [0, 2] },
      { kind: 'verbatim', start: 100, end: 140, passages: [1] },
    ]);
  });

  it('lets reused text win where a same-fact sentence overlaps it, dropping short leftovers', () => {
    const groups = groupPassages([f(0, 100), p('edited', 30, 60), f(200, 260), p('verbatim', 195, 250)], 300);
    expect(groups).toEqual([
      { kind: 'same-fact', start: 0, end: 30, passages: [0] },
      { kind: 'edited', start: 30, end: 60, passages: [1] },
      { kind: 'same-fact', start: 60, end: 100, passages: [0] },
      { kind: 'verbatim', start: 195, end: 250, passages: [3] },
    ]);
  });

  it('gives translated sentences their own groups, which win over a same-fact pair of the same sentence', () => {
    const tr = (start: number, end: number) => ({ kind: 'translated' as const, page: { start, end, text: '' } });
    const groups = groupPassages([tr(0, 40), tr(41, 90), f(41, 90), f(100, 150)], 200);
    expect(groups).toEqual([
      { kind: 'translated', start: 0, end: 40, passages: [0] },
      { kind: 'translated', start: 41, end: 90, passages: [1] },
      { kind: 'same-fact', start: 100, end: 150, passages: [3] },
    ]);
  });
});
