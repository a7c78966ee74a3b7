import { STEP, type Steps } from './steps';
import { ELEMENT_NODE, TEXT_NODE, firstChildOf, isExcluded, isInline, isUnlikely, nextChildOf, tagOf, textMetrics } from './dom-rules';

export interface TextStats {
  /** Non-whitespace characters. */
  chars: number;
  /** Non-whitespace characters inside links. */
  linkChars: number;
  words: number;
  commas: number;
}

/** A block's own run of inline text (text nodes and inline descendants, not nested blocks). */
export interface Paragraph extends TextStats {
  el: Element;
  tag: string;
  /** Pre-order position, for document order without DOM comparisons. */
  index: number;
}

export interface Measurement {
  /** Visible text of every element's subtree that was not excluded. */
  stats: Map<Element, TextStats>;
  /** Blocks with at least MIN_PARAGRAPH_CHARS of their own inline text, in document order. */
  paragraphs: Paragraph[];
  /**
   * Characters of prose paragraphs (not mostly links) in each element's subtree, however deep,
   * the element's own included; elements without any are left out. A story split into several
   * deeply nested wrappers gets no score on the wrappers themselves, but does have prose there.
   */
  prose: Map<Element, number>;
  /** h2-h4 headings that are mostly a link: the teasers of listing, search and front pages. */
  linkedHeadings: Element[];
  /** True when the node budget ran out: the rest of the page was not looked at. */
  truncated: boolean;
}

export const MIN_PARAGRAPH_CHARS = 25;
/** Paragraphs more than half links are navigation, not prose. */
export const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** Nodes visited at most: bounds the work on giant pages (a 10 MB page has about 300,000). */
export const MAX_NODES = 250_000;

/** Containers allowed through even when their class looks like page furniture: they often wrap everything. */
const NEVER_UNLIKELY = new Set('body html article main table tbody tr td th pre code'.split(' '));

export function isPruned(el: Element, tag: string, skipUnlikely: boolean): boolean {
  if (isExcluded(el, tag)) return true;
  // Class hints judge blocks only: an inline element is part of a sentence (<a class="popup">).
  return skipUnlikely && !NEVER_UNLIKELY.has(tag) && !isInline(tag) && isUnlikely(el);
}

interface Frame {
  el: Element;
  tag: string;
  inLink: boolean;
  /** Pre-order position. */
  index: number;
  /** Next child to look at (an open shadow root's, then the light ones). */
  child: ChildNode | null;
  /** The element's open shadow root, read once: every element is asked, and a DOM read from script is not free. */
  shadow: ShadowRoot | null;
  total: TextStats;
  own: TextStats;
  /** Prose characters of the children seen so far. */
  prose: number;
}

const zero = (): TextStats => ({ chars: 0, linkChars: 0, words: 0, commas: 0 });
const add = (to: TextStats, s: TextStats): void => {
  to.chars += s.chars; to.linkChars += s.linkChars; to.words += s.words; to.commas += s.commas;
};

/**
 * One pass over the visible DOM under `root`: text statistics per element and the list of
 * paragraphs that scoring works from. The walk keeps its own stack (no recursion, so a deep
 * page cannot overflow the call stack, and the walk can pause between any two nodes); depth is
 * bounded, and so is the number of nodes visited: what lies beyond is ignored.
 */
export function* measureSteps(root: Element, skipUnlikely: boolean): Steps<Measurement> {
  const stats = new Map<Element, TextStats>();
  const paragraphs: Paragraph[] = [];
  const prose = new Map<Element, number>();
  const linkedHeadings: Element[] = [];

  let counter = 0;
  let budget = MAX_NODES;
  const stack: Frame[] = [];
  const open = (el: Element, tag: string, inLink: boolean): void => {
    const shadow = el.shadowRoot;
    stack.push({ el, tag, inLink, index: counter++, child: firstChildOf(el, shadow), shadow, total: zero(), own: zero(), prose: 0 });
  };
  open(root, tagOf(root), false);
  let work = 0;
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const child = budget > 0 ? f.child : null;
    if (!child) {
      // All children seen: the element's statistics are complete.
      stack.pop();
      const { el, tag, total, own } = f;
      stats.set(el, total);
      let proseChars = f.prose;
      if (!isInline(tag) && own.chars >= MIN_PARAGRAPH_CHARS) {
        paragraphs.push({ el, tag, index: f.index, ...own });
        if (own.linkChars / own.chars <= MAX_PARAGRAPH_LINK_DENSITY) proseChars += own.chars;
      }
      if (proseChars > 0) prose.set(el, proseChars);
      if ((tag === 'h2' || tag === 'h3' || tag === 'h4') && total.chars >= 10 && total.linkChars > 0.7 * total.chars) {
        linkedHeadings.push(el);
      }
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.prose += proseChars;
        add(parent.total, total);
        if (isInline(tag)) add(parent.own, total);
      }
      continue;
    }
    f.child = nextChildOf(child, f.el, f.shadow);
    budget--;
    if (++work === STEP) {
      work = 0;
      yield;
    }
    const type = child.nodeType;
    if (type === TEXT_NODE) {
      const m = textMetrics((child as Text).data);
      if (m.chars === 0) continue;
      const { total, own } = f;
      const linkChars = f.inLink ? m.chars : 0;
      total.chars += m.chars; total.linkChars += linkChars; total.words += m.words; total.commas += m.commas;
      own.chars += m.chars; own.linkChars += linkChars; own.words += m.words; own.commas += m.commas;
    } else if (type === ELEMENT_NODE) {
      const childEl = child as Element;
      const childTag = tagOf(childEl);
      if (childTag === 'br' || stack.length > 401 || isPruned(childEl, childTag, skipUnlikely)) continue;
      open(childEl, childTag, f.inLink || childTag === 'a');
    }
  }
  // Post-order pushes children first; scoring and text want document order.
  paragraphs.sort((a, b) => a.index - b.index);
  return { stats, paragraphs, prose, linkedHeadings, truncated: budget <= 0 };
}
