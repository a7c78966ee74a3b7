import { describe, expect, it } from 'vitest';
import { DEFAULT_MERGE_POLICY, planMerge, settledLayout, tierOf, type SegmentSize } from './tiered-merge';

describe('tiered merges', () => {
  it('keeps O(log n) segments while dispatches arrive one by one, rewriting each O(log n) times', () => {
    let segs: SegmentSize[] = [];
    let n = 0;
    let rewritten = 0;
    let most = 0;
    for (let i = 0; i < 20_000; i++) {
      segs.push({ id: `s${n++}`, docs: 1, removed: 0 });
      for (let plan = planMerge(segs); plan; plan = planMerge(segs)) {
        const merged = segs.filter((s) => plan.includes(s.id));
        const docs = merged.reduce((x, s) => x + s.docs - s.removed, 0);
        rewritten += docs;
        segs = [...segs.filter((s) => !plan.includes(s.id)), { id: `s${n++}`, docs, removed: 0 }];
      }
      most = Math.max(most, segs.length);
    }
    const tiers = tierOf(20_000, DEFAULT_MERGE_POLICY) + 1;
    expect(most).toBeLessThanOrEqual(tiers * (DEFAULT_MERGE_POLICY.perTier - 1) + 1);
    expect(most).toBeLessThan(30);
    // Each dispatch is rewritten about once per tier (and a few times in the first one).
    expect(rewritten / 20_000).toBeLessThan(tiers + DEFAULT_MERGE_POLICY.floorDocs / DEFAULT_MERGE_POLICY.perTier);
  });

  it('never builds a segment beyond the size limit, so no merge holds the worker for long', () => {
    const policy = { ...DEFAULT_MERGE_POLICY, maxMergeDocs: 1000 };
    let segs: SegmentSize[] = [];
    let n = 0;
    let largest = 0;
    for (let i = 0; i < 20_000; i++) {
      segs.push({ id: `s${n++}`, docs: 1, removed: 0 });
      for (let plan = planMerge(segs, policy); plan; plan = planMerge(segs, policy)) {
        const docs = segs.filter((s) => plan.includes(s.id)).reduce((x, s) => x + s.docs - s.removed, 0);
        largest = Math.max(largest, docs);
        segs = [...segs.filter((s) => !plan.includes(s.id)), { id: `s${n++}`, docs, removed: 0 }];
      }
    }
    expect(largest).toBeLessThanOrEqual(1000);
    // Full segments hold at least half the limit: their number grows as n / (limit / 2), not more.
    expect(segs.length).toBeLessThanOrEqual(20_000 / 500 + 4 * (policy.perTier - 1));
  });

  it('rewrites a segment whose removed dispatches pass the share, and merges nothing in a set in shape', () => {
    const base = [
      { id: 'big', docs: 5000, removed: 100 },
      { id: 'mid', docs: 600, removed: 0 },
    ];
    expect(planMerge(base)).toBeNull();
    expect(planMerge([...base, { id: 'worn', docs: 600, removed: 300 }])).toEqual(['worn']);
    expect(planMerge([{ id: 'empty', docs: 3, removed: 3 }])).toEqual(['empty']);
  });

  it('settles an import of 100,000 in batches of 400 in a few large segments, no merge beyond the limit', () => {
    const { sizes, largestMerge } = settledLayout(100_000, 400);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(largestMerge).toBeLessThanOrEqual(DEFAULT_MERGE_POLICY.maxMergeDocs);
    expect(sizes.length).toBeLessThanOrEqual(14);
    // A small corpus keeps the segments of 3,200 it had before.
    expect(settledLayout(10_000, 400).sizes).toEqual([3200, 3200, 3200, 400]);
    const small = settledLayout(100_000, 400, { ...DEFAULT_MERGE_POLICY, maxMergeDocs: 4096 });
    expect(small.sizes.filter((n) => n === 3200)).toHaveLength(31);
  });
});
