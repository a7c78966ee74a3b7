import { describe, expect, it } from 'vitest';
import { loneMarks, type SavedMark } from './saved-marks';

const node = (name: string) => ({ name }) as unknown as Text;
const a = node('a');
const b = node('b');
const range = (text: Text, start: number, end: number) => ({ startContainer: text, startOffset: start, endOffset: end }) as unknown as Range;
const mark = (id: string, start: number, end: number, ranges: Range[]): SavedMark =>
  ({ record: { id } as SavedMark['record'], status: 'exact', start, end, ranges }) as SavedMark;

describe('saved marks that no highlight explains', () => {
  const marks = [mark('covered', 0, 10, [range(a, 0, 10)]), mark('hidden', 20, 30, [range(a, 20, 30)]), mark('gone', 40, 60, [range(a, 40, 45), range(b, 0, 15)]), mark('nowhere', 70, 80, [])];

  it('keeps the marks outside every drawn stretch, says why, and indexes their slices by text node', () => {
    const lone = loneMarks(marks, [{ start: 5, end: 12 }], [{ start: 5, end: 12 }, { start: 25, end: 26 }]);
    expect(lone.marks.map((m) => m.record.id)).toEqual(['hidden', 'gone']);
    expect(lone.why).toEqual(['hidden', 'unmatched']);
    expect(lone.byNode.get(a)).toEqual([
      { start: 20, end: 30, group: 0 },
      { start: 40, end: 45, group: 1 },
    ]);
    expect(lone.byNode.get(b)).toEqual([{ start: 0, end: 15, group: 1 }]);
  });

  it('a mark that only touches a drawn stretch at its edge is still alone', () => {
    expect(loneMarks([marks[0]], [{ start: 10, end: 20 }], []).marks).toHaveLength(1);
    expect(loneMarks([marks[0]], [{ start: 9, end: 20 }], []).marks).toHaveLength(0);
  });
});
