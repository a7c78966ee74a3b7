import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../corpus/bundled';
import { buildSegment, dispatchText, SegmentSet } from '../engine/index';
import { NormWarmup } from './norm-warmup';

const docs = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));

describe('NormWarmup', () => {
  it('finds every norm of the view pages read, and of the next one after a change', async () => {
    const set = new SegmentSet();
    set.add(buildSegment('a', docs.slice(0, 2)));
    set.add(buildSegment('b', docs.slice(2)));
    let pauses = 0;
    const warmup = new NormWarmup(async () => void pauses++);
    warmup.want(set);
    await warmup.settled();
    expect(set.factsView().normsLeft()).toBe(0);
    expect(pauses).toBeGreaterThan(0);
    const old = set.factsView();
    set.remove([docs[0].id]);
    warmup.want(set);
    await warmup.settled();
    expect(set.factsView()).not.toBe(old);
    expect(set.factsView().normsLeft()).toBe(0);
  });

  it('leaves a view the set no longer reads for the new one', async () => {
    const set = new SegmentSet();
    set.add(buildSegment('a', docs.slice(0, 3)));
    set.add(buildSegment('b', docs.slice(3)));
    const first = set.factsView();
    let changed = false;
    // The change comes during the first pause after the work started on the first view.
    const warmup = new NormWarmup(async () => {
      if (!changed && first.normsLeft() < first.bases[first.parts.length]) {
        changed = true;
        set.remove([docs[1].id]);
      }
    }, 0);
    warmup.want(set);
    await warmup.settled();
    expect(changed).toBe(true);
    expect(set.factsView().normsLeft()).toBe(0);
  });
});
