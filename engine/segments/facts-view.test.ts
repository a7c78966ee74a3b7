import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex, type FactsDoc } from '../facts/facts-index';
import { factsView, FactsView } from './facts-view';
import { buildSegment, SegmentSet } from './segment-set';
import { compareIds } from './text-view';

const docs: FactsDoc[] = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));

describe('FactsView', () => {
  it('counts each term over segments minus removed dispatches as one index of the live dispatches does', () => {
    const set = new SegmentSet();
    set.add(buildSegment('a', docs.slice(0, 2)));
    set.add(buildSegment('b', docs.slice(2)));
    set.remove([docs[1].id, docs[3].id]);
    const live = docs.filter((d) => set.has(d.id));
    const whole = buildFactsIndex(live, { keepAllPostings: true });
    const view = set.factsView();
    const rebuilt = factsView(whole);
    expect(view.docs).toBe(live.length);
    expect(view.sentences).toBe(whole.sentDoc.length);
    let checked = 0;
    for (const hash of whole.keys) {
      expect(view.term(hash)).toEqual(rebuilt.term(hash));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // Terms only the removed dispatches hold are gone.
    const gone = buildFactsIndex([docs[1], docs[3]]).keys.filter((h) => rebuilt.term(h) === null);
    expect(gone.length).toBeGreaterThan(0);
    for (const hash of gone) expect(view.term(hash)).toBeNull();
    // Norms under the corpus-wide weights are the rebuilt index's, to the bit (a segment keeps
    // none: a whole index of the live dispatches has them).
    expect(whole.sentNorm.length).toBe(0);
    const norms = buildFactsIndex(live).sentNorm;
    for (let g = 0, at = 0; g < view.parts.length; g++) {
      const ix = view.parts[g].index;
      for (let s = 0; s < ix.sentDoc.length; s++) {
        if (!set.has(ix.ids[ix.sentDoc[s]])) continue;
        expect(view.norm(g, s)).toBe(norms[at++]);
      }
    }
  });

  it('a view keeps its counts when later segments bring new terms', () => {
    const first = buildFactsIndex(docs.slice(0, 2), { keepAllPostings: true });
    const view = new FactsView([{ index: first, dead: null }, { index: buildFactsIndex(docs.slice(2, 3), { keepAllPostings: true }), dead: null }]);
    const later = buildFactsIndex(docs.slice(3), { keepAllPostings: true });
    new FactsView([{ index: later, dead: null }]);
    const onlyLater = [...later.keys].filter((h) => first.keys.indexOf(h) < 0 && view.term(h) === null);
    expect(onlyLater.length).toBeGreaterThan(0);
    for (const hash of first.keys) expect(view.term(hash)?.df).toBeGreaterThan(0);
  });

  it('a whole index counts the sentences of its terms, common ones as too many', () => {
    const whole = buildFactsIndex(docs);
    const view = factsView(whole);
    for (let k = 0; k < whole.keys.length; k++) {
      const stats = view.term(whole.keys[k])!;
      expect(stats.df).toBe(whole.df[k]);
      expect(stats.sentences).toBe(whole.common[k] ? Infinity : whole.counts[k]);
    }
  });
});

describe('FactsView.excluded', () => {
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
