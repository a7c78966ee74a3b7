import { domRangesFor, type ExtractedArticle } from '../../extract';
import type { PassageGroup } from './passage-groups';

export const VERBATIM = 'recoupe-verbatim';
export const EDITED = 'recoupe-edited';
export const SAME_FACT = 'recoupe-same-fact';
export const TRANSLATED = 'recoupe-translated';

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
}

/**
 * Turns passage groups into DOM Ranges over the article's text nodes and registers them with
 * the CSS Custom Highlight API: the page's DOM is never rewritten.
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

  if (typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function') {
    const verbatim = new Highlight(...marked.filter((g) => g.kind === 'verbatim').flatMap((g) => g.ranges));
    const edited = new Highlight(...marked.filter((g) => g.kind === 'edited').flatMap((g) => g.ranges));
    const sameFact = new Highlight(...marked.filter((g) => g.kind === 'same-fact').flatMap((g) => g.ranges));
    const translated = new Highlight(...marked.filter((g) => g.kind === 'translated').flatMap((g) => g.ranges));
    // Where a verbatim and an edited passage overlap, the stricter verbatim style wins; same-fact
    // groups are already cut around reused text, and the lowest priority keeps it so.
    verbatim.priority = 1;
    edited.priority = 0;
    sameFact.priority = -1;
    translated.priority = -1;
    CSS.highlights.set(VERBATIM, verbatim);
    CSS.highlights.set(EDITED, edited);
    CSS.highlights.set(SAME_FACT, sameFact);
    CSS.highlights.set(TRANSLATED, translated);
  }
  return { groups: marked, byNode };
}

/** Takes Recoupe's highlights off the page (the reader paused it, or a new run replaces them). */
export function clearHighlights(): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  CSS.highlights.delete(VERBATIM);
  CSS.highlights.delete(EDITED);
  CSS.highlights.delete(SAME_FACT);
  CSS.highlights.delete(TRANSLATED);
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
