import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex } from '../facts/facts-index';
import { FactsView } from './facts-view';
import { compareIds } from './text-view';

describe('FactsView.excluded', () => {
  const docs = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));

  for (const order of ['id order (a segment)', 'any order (a whole index)'] as const) {
    it(`marks the dispatches named, and only them, in ${order}`, () => {
      const sorted = [...docs].sort((a, b) => compareIds(a.id, b.id));
      const listed = order.startsWith('id') ? sorted : [...sorted.slice(2), ...sorted.slice(0, 2)];
      const index = buildFactsIndex(listed, { keepAllPostings: true });
      const view = new FactsView([{ index, dead: null }]);
      for (const at of [0, 2, listed.length - 1]) {
        const marks = view.excluded(0, [listed[at].id, 'not-in-the-corpus']);
        expect(marks && [...marks].flatMap((m, d) => (m ? [d] : []))).toEqual([at]);
      }
      expect(view.excluded(0, ['not-in-the-corpus'])).toBeNull();
    });
  }
});
