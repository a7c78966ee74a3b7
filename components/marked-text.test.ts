import { describe, expect, it } from 'vitest';
import { diffLayers, markPieces } from './marked-text';

describe('markPieces', () => {
  it('nests overlapping marks and keeps the whole text', () => {
    const text = 'Poutine a exigé des garanties juridiques';
    const pieces = markPieces(text, [
      { start: 0, end: 7, kind: 'shared' },
      { start: 8, end: 15, kind: 'hint', hint: 'h1' },
      { start: 10, end: 15, kind: 'shared' },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces).toEqual([
      { text: 'Poutine', shared: true, diff: false, hints: [] },
      { text: ' ', shared: false, diff: false, hints: [] },
      { text: 'a ', shared: false, diff: false, hints: ['h1'] },
      { text: 'exigé', shared: true, diff: false, hints: ['h1'] },
      { text: ' des garanties juridiques', shared: false, diff: false, hints: [] },
    ]);
  });

  it('clamps marks to the text and ignores empty ones', () => {
    expect(markPieces('abc', [{ start: 2, end: 9, kind: 'shared' }, { start: 1, end: 1, kind: 'hint', hint: 'x' }])).toEqual([
      { text: 'ab', shared: false, diff: false, hints: [] },
      { text: 'c', shared: true, diff: false, hints: [] },
    ]);
  });
});

describe('diffLayers', () => {
  it('marks the changed runs of a side', () => {
    expect(diffLayers('a b c', [{ text: 'a ', changed: false }, { text: 'b', changed: true }, { text: ' c', changed: false }])).toEqual([{ start: 2, end: 3, kind: 'diff' }]);
  });
  it('gives nothing when the segments do not spell the text', () => {
    expect(diffLayers('a b c', [{ text: 'a b', changed: true }])).toEqual([]);
  });
});
