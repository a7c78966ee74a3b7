import type { SegmentSet } from '../engine/index';

export interface FactsBytes {
  total: number;
  /** Typed arrays of the facts indexes of the segments. */
  segments: number;
  /** Arrays the facts view adds (corpus-wide counts, weights, norms). */
  view: number;
  /** Segment bytes by array name, summed over the segments. */
  byArray: Record<string, number>;
}

/** Bytes of typed arrays the facts side of a segment set holds, by array. */
export function factsHeldBytes(set: SegmentSet): FactsBytes {
  const byArray: Record<string, number> = {};
  let segments = 0;
  for (const { segment } of set.list()) {
    for (const [name, value] of Object.entries(segment.facts)) {
      if (!ArrayBuffer.isView(value)) continue;
      byArray[name] = (byArray[name] ?? 0) + value.byteLength;
      segments += value.byteLength;
    }
  }
  const view = set.factsView().heldBytes();
  byArray['(view)'] = view;
  return { total: segments + view, segments, view, byArray };
}
