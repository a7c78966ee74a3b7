import { ELEMENT_NODE, TEXT_NODE, firstChildOf, isHidden, isInline, nextChildOf, tagOf } from './dom-rules';
import { isPruned, type TextStats } from './measure';
import { CapReached, TextBuilder } from './text-builder';

/** Blocks inside the article that are mostly links (related-story lists, tag clouds) are left out. */
const MAX_BLOCK_LINK_DENSITY = 0.5;

/**
 * Walks the article containers' text nodes in document order and lays them out as text,
 * leaving out what scoring left out (hidden, navigation, unlikely and link-heavy blocks).
 * A <header> inside the article contributes only its h1, the title.
 */
export function collectText(
  roots: Element[],
  stats: Map<Element, TextStats>,
  skipUnlikely: boolean,
  maxChars: number,
): TextBuilder {
  const b = new TextBuilder(maxChars);

  // `measured` is false inside a title taken from a skipped <header>: scoring never saw it.
  const walk = (el: Element, pre: boolean, depth: number, measured = true): void => {
    for (let child = firstChildOf(el); child; child = nextChildOf(child, el)) {
      if (child.nodeType === TEXT_NODE) {
        if (pre) b.addPre(child as Text);
        else b.addText(child as Text);
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE || depth > 400) continue;
      const c = child as Element;
      const tag = tagOf(c);
      if (tag === 'br') {
        b.lineBreak();
        continue;
      }
      if (isPruned(c, tag, skipUnlikely)) {
        if (tag === 'header' && !isHidden(c)) {
          for (const h1 of Array.from(c.getElementsByTagName('h1'))) {
            if (isHidden(h1)) continue;
            b.blockBoundary();
            walk(h1, false, depth + 1, false);
            b.blockBoundary();
          }
        }
        continue;
      }
      const s = stats.get(c);
      // Not measured: beyond the node budget or the depth bound.
      if (!s && measured) continue;
      if (isInline(tag)) {
        walk(c, pre, depth + 1, measured);
        continue;
      }
      if (s && s.chars > 0 && s.linkChars / s.chars > MAX_BLOCK_LINK_DENSITY) continue;
      b.blockBoundary();
      walk(c, pre || tag === 'pre' || tag === 'textarea', depth + 1, measured);
      b.blockBoundary();
    }
  };

  try {
    for (const root of roots) {
      b.blockBoundary();
      walk(root, tagOf(root) === 'pre', 0);
    }
  } catch (err) {
    if (!(err instanceof CapReached)) throw err;
  }
  return b;
}
