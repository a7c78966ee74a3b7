/**
 * When to merge segments, after Lucene's TieredMergePolicy: segments of similar size form a tier
 * (tier t holds segments of floor·F^t to floor·F^(t+1) live dispatches); a tier holding F segments
 * is merged into one of the next tier. A corpus of n dispatches then has at most (F - 1) segments
 * per tier and log_F(n / floor) tiers, so a lookup visits O(log n) segments, and each dispatch is
 * rewritten O(log n) times over its life. A segment with many removed dispatches is rewritten
 * alone, which drops them.
 */
export interface MergePolicy {
  /** Segments per tier before they are merged (Lucene's segmentsPerTier / maxMergeAtOnce). */
  perTier: number;
  /** Segments this small or smaller all sit in the first tier. */
  floorDocs: number;
  /** Share of removed dispatches above which a segment is rewritten. */
  maxDeletedShare: number;
  /**
   * Most live dispatches a merge may produce (Lucene's maxMergedSegmentMB). Every segment costs
   * each page looked up a search of its keys (most of match's time at 100,000 dispatches), so
   * segments should be few; but a merge costs, from the segments' postings, about 0.1 to 0.2 s of
   * CPU per 1,000 dispatches (by analysing the texts again, for segments of an earlier layout or
   * word lists, ten times that). It is built beside the pages' requests in slices of the worker's
   * time (a match waits a slice at most), so its size bounds the work, not a page's wait. At
   * 16,384 the largest merge (five segments of 3,200 after an import in batches of 400) takes a
   * few seconds of CPU, once per 16,000 dispatches imported; 100,000 dispatches settle in 13
   * segments instead of 33. Segments over half of it are left alone but for removals.
   */
  maxMergeDocs: number;
}

export const DEFAULT_MERGE_POLICY: MergePolicy = { perTier: 8, floorDocs: 64, maxDeletedShare: 0.3, maxMergeDocs: 16_384 };

export interface SegmentSize {
  id: string;
  /** Dispatches indexed, removed ones included. */
  docs: number;
  removed: number;
}

export function tierOf(live: number, policy: MergePolicy): number {
  if (live <= policy.floorDocs) return 0;
  return Math.floor(Math.log(live / policy.floorDocs) / Math.log(policy.perTier)) + 1;
}

/** Ids of the segments to merge into one next, or null when the set is in shape. */
export function planMerge(sizes: readonly SegmentSize[], policy: MergePolicy = DEFAULT_MERGE_POLICY): string[] | null {
  const tiers = new Map<number, SegmentSize[]>();
  for (const s of sizes) {
    const live = s.docs - s.removed;
    if (live > policy.maxMergeDocs / 2) continue;
    const tier = tierOf(live, policy);
    const list = tiers.get(tier) ?? [];
    list.push(s);
    tiers.set(tier, list);
  }
  for (const tier of [...tiers.keys()].sort((a, b) => a - b)) {
    const list = tiers.get(tier)!;
    if (list.length >= policy.perTier) {
      const sorted = list.sort((a, b) => a.docs - a.removed - (b.docs - b.removed) || (a.id < b.id ? -1 : 1));
      // The smallest of the tier, as many as the merged size allows.
      const picked: string[] = [];
      let total = 0;
      for (const s of sorted.slice(0, policy.perTier)) {
        if (total + s.docs - s.removed > policy.maxMergeDocs) break;
        total += s.docs - s.removed;
        picked.push(s.id);
      }
      if (picked.length >= 2) return picked;
    }
  }
  const worn = sizes.find((s) => s.removed > 0 && (s.removed === s.docs || s.removed / s.docs > policy.maxDeletedShare));
  return worn ? [worn.id] : null;
}

/**
 * Live dispatches of each segment the policy leaves once `docs` dispatches are written in batches
 * of `batch` (one segment each), every merge it asks for run after each write as the corpus
 * service runs them: the layout a corpus imported that way is matched against. Also the largest
 * merge on the way, the longest the worker is held by one.
 */
export function settledLayout(docs: number, batch: number, policy: MergePolicy = DEFAULT_MERGE_POLICY): { sizes: number[]; largestMerge: number } {
  let segs: SegmentSize[] = [];
  let n = 0;
  let largestMerge = 0;
  for (let at = 0; at < docs; at += batch) {
    segs.push({ id: `s${n++}`, docs: Math.min(batch, docs - at), removed: 0 });
    for (let plan = planMerge(segs, policy); plan; plan = planMerge(segs, policy)) {
      const picked = new Set(plan);
      const merged = segs.filter((s) => picked.has(s.id)).reduce((x, s) => x + s.docs - s.removed, 0);
      largestMerge = Math.max(largestMerge, merged);
      segs = [...segs.filter((s) => !picked.has(s.id)), { id: `s${n++}`, docs: merged, removed: 0 }];
    }
  }
  return { sizes: segs.map((s) => s.docs), largestMerge };
}
