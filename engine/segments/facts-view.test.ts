import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex, type FactsDoc } from '../facts/facts-index';
import { factsView, FactsView } from './facts-view';
import { buildSegment, SegmentSet } from './segment-set';
import { runSteps } from './steps';
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

describe('FactsView norms', () => {
  /** Every norm of the view, found on demand. */
  const allNorms = (view: FactsView) => view.parts.flatMap((p, g) => Array.from({ length: p.index.sentDoc.length }, (_, s) => view.norm(g, s)));
  const threeSegments = () => {
    const set = new SegmentSet();
    set.add(buildSegment('a', docs.slice(0, 2)));
    set.add(buildSegment('b', docs.slice(2, 3)));
    set.add(buildSegment('c', docs.slice(3)));
    set.remove([docs[2].id]);
    return set;
  };

  it('a merge of segments whose norms were not all found leaves the merged ones to find', () => {
    const set = threeSegments();
    const before = set.factsView();
    // One norm of the last segment, found alone.
    const c = before.parts.length - 1;
    const one = before.norm(c, 0);
    expect(set.replace(['b', 'c'], buildSegment('m', docs.slice(3)))).toBe(true);
    const merged = set.factsView();
    const m = merged.parts.length - 1;
    expect(merged.normsLeft()).toBe(merged.bases[merged.parts.length]);
    expect(merged.norm(m, 0)).toBe(one);
    expect(allNorms(merged)).toEqual(allNorms(new FactsView(merged.parts)));
  });

  it('finds in steps the norms found on demand, to the bit, a page asking between two steps', () => {
    const set = threeSegments();
    const expected = allNorms(new FactsView(set.factsView().parts));
    const view = set.factsView();
    expect(view.normsLeft()).toBe(view.bases[view.parts.length]);
    const steps = view.normSteps();
    steps.next();
    // A page needs a norm of the last part before the steps reach it.
    const last = view.parts.length - 1;
    expect(view.norm(last, 3)).toBe(expected[view.bases[last] + 3]);
    for (let r = steps.next(); !r.done; r = steps.next());
    expect(view.normsLeft()).toBe(0);
    expect(allNorms(view)).toEqual(expected);
  });

  it('a merge hands the norms of the segments it left alone to the next view; a removal does not', () => {
    const set = threeSegments();
    const before = set.factsView();
    runSteps(before.normSteps());
    expect(set.replace(['b', 'c'], buildSegment('m', docs.slice(3)))).toBe(true);
    const merged = set.factsView();
    // Same live dispatches, same weights: every norm is taken over, the merged segment's from the
    // sentences of the segments it merged.
    expect(merged.normsLeft()).toBe(0);
    expect(allNorms(merged)).toEqual(allNorms(new FactsView(merged.parts)));
    set.remove([docs[0].id]);
    const removed = set.factsView();
    expect(removed.normsLeft()).toBe(removed.bases[removed.parts.length]);
    expect(allNorms(removed)).toEqual(allNorms(new FactsView(removed.parts)));
  });
});
