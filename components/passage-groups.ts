import type { Passage, StoryVerdict } from '../engine/types';
import type { DispatchInfo, PageResult } from '../messaging/protocol';

export interface PassageGroup {
  id: string;
  verdict?: StoryVerdict;
  info?: DispatchInfo;
  /** Passages of this dispatch with their index in `PageResult.passages`, in page order. */
  items: { index: number; passage: Passage }[];
}

/** Passages grouped by dispatch, strongest relation first, as the side panel lists them. */
export function groupPassages(result: Pick<PageResult, 'passages' | 'dispatches' | 'dispatchInfo'>): PassageGroup[] {
  const groups = new Map<string, PassageGroup>();
  for (const verdict of result.dispatches) {
    groups.set(verdict.id, { id: verdict.id, verdict, info: result.dispatchInfo[verdict.id], items: [] });
  }
  result.passages.forEach((passage, index) => {
    let group = groups.get(passage.dispatch);
    if (!group) {
      group = { id: passage.dispatch, info: result.dispatchInfo[passage.dispatch], items: [] };
      groups.set(passage.dispatch, group);
    }
    group.items.push({ index, passage });
  });
  return [...groups.values()].filter((g) => g.items.length > 0);
}

/** Passage indexes in the order the list shows them, for arrow-key navigation. */
export function listOrder(groups: PassageGroup[]): number[] {
  return groups.flatMap((g) => g.items.map((item) => item.index));
}

const KIND_RANK: Record<Passage['kind'], number> = { verbatim: 0, edited: 1, translated: 2, 'same-fact': 3 };

/**
 * The strongest of some passages: verbatim first, then edited, then translated, then same facts,
 * each by score, then page order. The popup opens a source at it; the side panel opens on it.
 */
export function strongestPassage(items: readonly { index: number; passage: Passage }[]): number | null {
  let best: { index: number; passage: Passage } | null = null;
  for (const item of items) {
    if (!best) {
      best = item;
      continue;
    }
    const rank = KIND_RANK[item.passage.kind] - KIND_RANK[best.passage.kind];
    if (rank < 0 || (rank === 0 && item.passage.score > best.passage.score)) best = item;
  }
  return best ? best.index : null;
}

/** The passage to select first: the asked-for one if it exists, else the strongest of the page. */
export function initialPassage(groups: PassageGroup[], asked: number | null | undefined): number | null {
  const order = listOrder(groups);
  if (asked !== null && asked !== undefined && order.includes(asked)) return asked;
  return strongestPassage(groups.flatMap((g) => g.items));
}

/** Where an arrow, Home or End key moves the selection in the list. */
export function moveSelection(order: number[], current: number | null, key: string): number | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return order[Math.min(order.length - 1, at + 1)];
    case 'ArrowUp':
    case 'ArrowLeft':
      return order[Math.max(0, at === -1 ? 0 : at - 1)];
    case 'Home':
      return order[0];
    case 'End':
      return order[order.length - 1];
    default:
      return current;
  }
}
