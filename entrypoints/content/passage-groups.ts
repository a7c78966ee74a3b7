import type { Passage, PassageKind } from '../../engine/types';

/** One highlighted stretch of page text: overlapping passages of the same kind merged. */
export interface PassageGroup {
  kind: PassageKind;
  start: number;
  end: number;
  /** Indices into result.passages, for the card. */
  passages: number[];
}

/**
 * Merges overlapping passages of the same kind so a highlight is never drawn twice over
 * itself; passages of different kinds keep their own groups. Sorted by start, then kind.
 */
export function groupPassages(passages: readonly Pick<Passage, 'kind' | 'page'>[], textLength: number): PassageGroup[] {
  const groups: PassageGroup[] = [];
  for (const kind of ['verbatim', 'edited'] as const) {
    const items = passages
      .map((p, index) => ({ index, start: Math.max(0, p.page.start), end: Math.min(textLength, p.page.end), kind: p.kind }))
      .filter((p) => p.kind === kind && p.end > p.start)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    let current: PassageGroup | null = null;
    for (const p of items) {
      if (current && p.start < current.end) {
        current.end = Math.max(current.end, p.end);
        current.passages.push(p.index);
      } else {
        current = { kind, start: p.start, end: p.end, passages: [p.index] };
        groups.push(current);
      }
    }
  }
  return groups.sort((a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'verbatim' ? -1 : 1));
}
