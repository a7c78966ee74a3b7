import { domRangesFor, type ExtractedArticle } from '../../extract';
import type { PassageKind } from '../../engine/types';
import { KIND_PRIORITY, layerHighlights } from './highlight-layers';
import type { PassageGroup } from './passage-groups';

export const VERBATIM = 'recoupe-verbatim';
export const EDITED = 'recoupe-edited';
export const SAME_FACT = 'recoupe-same-fact';
export const TRANSLATED = 'recoupe-translated';
/** The passage the open card speaks of: one name for that role, whatever its source. */
export const ACTIVE = 'recoupe-active';

const NAMES: Record<PassageKind, string> = { verbatim: VERBATIM, edited: EDITED, translated: TRANSLATED, 'same-fact': SAME_FACT };
/** Where a stronger kind covers a weaker one, the weaker one's line alone (one name per kind). */
const underName = (kind: PassageKind) => `${NAMES[kind]}-under`;
const ALL_NAMES = [...KIND_PRIORITY.flatMap((k) => [NAMES[k], underName(k)]), ACTIVE];

/** A DOM stretch of one group inside one text node, for hit-testing. */
export interface MarkSlice {
  start: number;
  end: number;
  group: number;
}

export interface MarkedGroup extends PassageGroup {
  ranges: Range[];
}

export interface Marks {
  groups: MarkedGroup[];
  byNode: Map<Text, MarkSlice[]>;
  /** DOM ranges over page-text offsets [start, end), to mark one passage of a group. */
  rangesFor(start: number, end: number): Range[];
}

const highlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/**
 * Turns passage groups into DOM Ranges over the article's text nodes and registers them with
 * the CSS Custom Highlight API: the page's DOM is never rewritten. Hit-testing uses each group's
 * whole ranges; drawing uses layers, so overlapping kinds show one tint and one underline.
 */
export function applyHighlights(article: ExtractedArticle, groups: PassageGroup[]): Marks {
  const byNode = new Map<Text, MarkSlice[]>();
  const marked: MarkedGroup[] = groups.map((g, gi) => {
    const ranges = domRangesFor(article, g.start, g.end);
    for (const range of ranges) {
      const node = range.startContainer as Text;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push({ start: range.startOffset, end: range.endOffset, group: gi });
    }
    return { ...g, ranges };
  });

  if (highlightApi()) {
    const layers = layerHighlights(groups);
    KIND_PRIORITY.forEach((kind, rank) => {
      const full = new Highlight(...layers.filter((l) => l.kind === kind && !l.under).flatMap((l) => domRangesFor(article, l.start, l.end)));
      const under = new Highlight(...layers.filter((l) => l.kind === kind && l.under).flatMap((l) => domRangesFor(article, l.start, l.end)));
      // Layers never overlap within a kind's full style; priorities only order the overlines above the tints.
      full.priority = -rank;
      under.priority = 1;
      CSS.highlights.set(NAMES[kind], full);
      // Nothing is stronger than verbatim: it never lies under another kind.
      if (rank > 0) CSS.highlights.set(underName(kind), under);
    });
  }
  return { groups: marked, byNode, rangesFor: (start, end) => domRangesFor(article, start, end) };
}

/** Marks the passage the open card speaks of (above every other highlight), or unmarks it with null. */
export function markActive(ranges: readonly Range[] | null): void {
  if (!highlightApi()) return;
  if (!ranges || ranges.length === 0) {
    CSS.highlights.delete(ACTIVE);
    return;
  }
  const active = new Highlight(...ranges);
  active.priority = 3;
  CSS.highlights.set(ACTIVE, active);
}

/** Takes Recoupe's highlights off the page (the reader paused it, or a new run replaces them). */
export function clearHighlights(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  for (const name of ALL_NAMES) CSS.highlights.delete(name);
}
/**
 * Takes ranges over text the page removed out of Recoupe's highlights (saved marks included). A
 * live Range whose text is removed collapses onto the removal point (Recoupe never draws an empty
 * one); a detached node is checked too, for ranges that do not follow the DOM.
 */
export function pruneRemoved(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('recoupe-')) return;
    for (const range of [...highlight]) {
      const r = range as Range;
      if (r.collapsed || !r.startContainer.isConnected) highlight.delete(range);
    }
  });
}

/** Prunes the highlights whenever the page removes nodes; returns what stops it. */
export function pruneOnRemoval(): () => void {
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.removedNodes.length > 0)) pruneRemoved();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
