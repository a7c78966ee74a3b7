import { ELEMENT_NODE, TEXT_NODE, firstChildOf, isEditable, isHidden, isInline, nextChildOf, tagOf } from './dom-rules';
import { isPruned, type TextStats } from './measure';
import { STEP, type Steps } from './steps';
import { CapReached, TextBuilder } from './text-builder';

/** Blocks inside the article that are mostly links (related-story lists, tag clouds) are left out. */
const MAX_BLOCK_LINK_DENSITY = 0.5;

interface Frame {
  el: Element;
  /** Next child to lay out (an open shadow root's, then the light ones). */
  child: ChildNode | null;
  /** The element's open shadow root, read once (see measure.ts). */
  shadow: ShadowRoot | null;
  pre: boolean;
  depth: number;
  /** False inside a title taken from a skipped <header>: scoring never saw it. */
  measured: boolean;
  /** A block: its end is a block boundary. */
  block: boolean;
}

/**
 * Walks the article containers' text nodes in document order and lays them out as text,
 * leaving out what scoring left out (hidden, navigation, unlikely and link-heavy blocks).
 * A <header> inside the article contributes only its h1, the title.
 * A block's opening boundary is set when its frame is pushed: boundaries only mark a pending
 * blank line, so setting several in a row is the same as setting one.
 */
export function* collectSteps(
  roots: Element[],
  stats: Map<Element, TextStats>,
  skipUnlikely: boolean,
  maxChars: number,
): Steps<TextBuilder> {
  const b = new TextBuilder(maxChars);
  const stack: Frame[] = [];
  const push = (el: Element, pre: boolean, depth: number, measured: boolean): void => {
    b.blockBoundary();
    const shadow = el.shadowRoot;
    if (shadow) b.roots.add(shadow);
    stack.push({ el, child: firstChildOf(el, shadow), shadow, pre, depth, measured, block: true });
  };
  for (let i = roots.length - 1; i >= 0; i--) {
    // A container inside a shadow root or a frame: one look-up per container, none per text node.
    b.roots.add(roots[i].getRootNode());
    push(roots[i], tagOf(roots[i]) === 'pre', 0, true);
  }

  let work = 0;
  try {
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      const child = f.child;
      if (!child) {
        stack.pop();
        if (f.block) b.blockBoundary();
        continue;
      }
      f.child = nextChildOf(child, f.el, f.shadow);
      if (++work === STEP) {
        work = 0;
        yield;
      }
      if (child.nodeType === TEXT_NODE) {
        if (f.pre) b.addPre(child as Text);
        else b.addText(child as Text);
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE || f.depth > 400) continue;
      const c = child as Element;
      const tag = tagOf(c);
      if (tag === 'br') {
        b.lineBreak();
        continue;
      }
      const s = stats.get(c);
      // A measured element passed the same pruning in the measuring walk: only the others are asked again.
      if (!s && isPruned(c, tag, skipUnlikely)) {
        if (tag === 'header' && !isHidden(c)) {
          const h1s = Array.from(c.getElementsByTagName('h1')).filter((h1) => !isHidden(h1) && !isEditable(h1));
          for (let i = h1s.length - 1; i >= 0; i--) push(h1s[i], false, f.depth + 1, false);
        }
        continue;
      }
      // Not measured: beyond the node budget or the depth bound.
      if (!s && f.measured) continue;
      if (isInline(tag)) {
        const shadow = c.shadowRoot;
        if (shadow) b.roots.add(shadow);
        stack.push({ el: c, child: firstChildOf(c, shadow), shadow, pre: f.pre, depth: f.depth + 1, measured: f.measured, block: false });
        continue;
      }
      if (s && s.chars > 0 && s.linkChars / s.chars > MAX_BLOCK_LINK_DENSITY) continue;
      push(c, f.pre || tag === 'pre' || tag === 'textarea', f.depth + 1, f.measured);
    }
  } catch (err) {
    if (!(err instanceof CapReached)) throw err;
  }
  return b;
}
