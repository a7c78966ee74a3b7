import type { Passage, PassageKind } from '../../engine/types';
import { KIND_PRIORITY as KIND_ORDER } from './highlight-layers';

/** One highlighted stretch of page text: overlapping passages of the same kind merged. */
export interface PassageGroup {
  kind: PassageKind;
  start: number;
  end: number;
  /** Indices into result.passages, for the card. */
  passages: number[];
}

/** Shorter leftovers of a same-fact sentence beside reused text are a few words, not a fact. */
const MIN_FACT_PIECE = 20;

function mergeKind(passages: readonly Pick<Passage, 'kind' | 'page'>[], kind: PassageKind, textLength: number): PassageGroup[] {
  const groups: PassageGroup[] = [];
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
  return groups;
}

/** The parts of [start, end) outside every reuse group (sorted by start). */
function outside(start: number, end: number, reuse: readonly PassageGroup[]): [number, number][] {
  const pieces: [number, number][] = [];
  let at = start;
  for (const r of reuse) {
    if (r.end <= at || r.start >= end) continue;
    if (r.start > at) pieces.push([at, r.start]);
    at = Math.max(at, r.end);
  }
  if (at < end) pieces.push([at, end]);
  return pieces;
}

/**
 * Merges overlapping passages of the same kind so a highlight is never drawn twice over itself;
 * passages of different kinds keep their own groups. Copied text wins over a same-fact
 * alignment: a same-fact group keeps only what lies outside verbatim and edited groups.
 * Sorted by start, then kind.
 */
export function groupPassages(passages: readonly Pick<Passage, 'kind' | 'page'>[], textLength: number): PassageGroup[] {
  // A translated sentence is the dispatch's text in another language: it wins over a same-fact pair as copied text does.
  const reuse = [...mergeKind(passages, 'verbatim', textLength), ...mergeKind(passages, 'edited', textLength), ...mergeKind(passages, 'translated', textLength)].sort(
    (a, b) => a.start - b.start,
  );
  const facts: PassageGroup[] = [];
  for (const g of mergeKind(passages, 'same-fact', textLength)) {
    for (const [start, end] of outside(g.start, g.end, reuse)) {
      if (end - start >= MIN_FACT_PIECE) facts.push({ ...g, start, end, passages: [...g.passages] });
    }
  }
  return [...reuse, ...facts].sort((a, b) => a.start - b.start || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}
