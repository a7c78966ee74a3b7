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
   * Most live dispatches a merge may produce (Lucene's maxMergedSegmentMB). A merge is built in
   * one stretch of the worker: from the segments' postings about 0.3 s of CPU per 1,000
   * dispatches, by analysing the texts again (segments of an earlier layout or word lists) about
   * 3 s; beyond this size the worker would be unavailable to pages for seconds. Segments over half
   * of it are left alone but for removals.
   */
  maxMergeDocs: number;
}

export const DEFAULT_MERGE_POLICY: MergePolicy = { perTier: 8, floorDocs: 64, maxDeletedShare: 0.3, maxMergeDocs: 4096 };

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
