import { domRangesFor, type ExtractedArticle } from '../../extract';
import type { PassageKind } from '../../engine/types';
import { KIND_PRIORITY, layerHighlights } from './highlight-layers';
import { installHighlightStyles } from './highlight-styles';
import type { PassageGroup } from './passage-groups';
import { eachHighlight, paint, paintedDocuments, unpaint } from './registry';

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
  /** Draws the kinds again around these saved stretches (the saved mark takes the overline there). */
  aroundSaved(saved: readonly { start: number; end: number }[]): void;
}


/**
 * Turns passage groups into DOM Ranges over the article's text nodes and registers them with
 * the CSS Custom Highlight API: the page's DOM is never rewritten. Hit-testing uses each group's
 * whole ranges; drawing uses layers, so overlapping kinds show one tint and one underline.
 */
export function applyHighlights(article: ExtractedArticle, groups: PassageGroup[], saved: readonly { start: number; end: number }[] = []): Marks {
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

  const draw = (around: readonly { start: number; end: number }[]) => {
    const layers = layerHighlights(groups, around);
    KIND_PRIORITY.forEach((kind, rank) => {
      const rangesOf = (under: boolean) => layers.filter((l) => l.kind === kind && l.under === under).flatMap((l) => domRangesFor(article, l.start, l.end));
      // Layers never overlap within a kind's full style; priorities only order the overlines above the tints.
      paint(NAMES[kind], rangesOf(false), -rank, installHighlightStyles);
      // Nothing is stronger than verbatim: it never lies under another kind.
      if (rank > 0) paint(underName(kind), rangesOf(true), 1, installHighlightStyles);
    });
  };
  draw(saved);
  return { groups: marked, byNode, rangesFor: (start, end) => domRangesFor(article, start, end), aroundSaved: draw };
}

/** Marks the passage the open card speaks of (above every other highlight), or unmarks it with null. */
export function markActive(ranges: readonly Range[] | null): void {
  if (!ranges || ranges.length === 0) unpaint(ACTIVE);
  else paint(ACTIVE, ranges, 3, installHighlightStyles);
}

/** Takes Recoupe's highlights off the page (the reader paused it, or a new run replaces them). */
export function clearHighlights(): void {
  for (const name of ALL_NAMES) unpaint(name);
}
/**
 * Takes ranges over text the page removed or edited out of Recoupe's highlights (saved marks
 * included). A live Range whose text is removed, or whose node's text is replaced, collapses onto
 * that point (Recoupe never draws an empty one); a detached node is checked too, for ranges that
 * do not follow the DOM, and a range on a text node edited in place (`edited`) goes even when it
 * kept its length: its text is no longer the one matched. A new run draws what still matches.
 */
export function pruneRemoved(edited: ReadonlySet<Node> = new Set()): void {
  eachHighlight((highlight) => {
    for (const range of [...highlight]) {
      const r = range as Range;
      if (r.collapsed || !r.startContainer.isConnected || edited.has(r.startContainer) || edited.has(r.endContainer)) highlight.delete(range);
    }
  });
}

/** Prunes the highlights whenever the page (or a frame Recoupe painted) removes nodes or edits text; returns what stops it. */
export function pruneOnRemoval(): () => void {
  const observer = new MutationObserver((records) => {
    const edited = new Set<Node>();
    let removed = false;
    for (const r of records) {
      if (r.type === 'characterData') edited.add(r.target);
      else removed ||= r.removedNodes.length > 0;
    }
    if (removed || edited.size > 0) pruneRemoved(edited);
  });
  for (const doc of paintedDocuments()) observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}
