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
  /** h2-h4 headings that are mostly a link: the teasers of listing, search and front pages. */
  linkedHeadings: Element[];
  /** True when the node budget ran out: the rest of the page was not looked at. */
  truncated: boolean;
}

export const MIN_PARAGRAPH_CHARS = 25;
/** Nodes visited at most: bounds the work on giant pages (a 10 MB page has about 300,000). */
export const MAX_NODES = 250_000;

/** Containers allowed through even when their class looks like page furniture: they often wrap everything. */
const NEVER_UNLIKELY = new Set(['body', 'html', 'article', 'main', 'table', 'tbody', 'tr', 'td', 'th', 'pre', 'code']);

export function isPruned(el: Element, tag: string, skipUnlikely: boolean): boolean {
  if (isExcluded(el, tag)) return true;
  // Class hints judge blocks only: an inline element is part of a sentence (<a class="popup">).
  return skipUnlikely && !NEVER_UNLIKELY.has(tag) && !isInline(tag) && isUnlikely(el);
}

/**
 * One pass over the visible DOM under `root`: text statistics per element and the list of
 * paragraphs that scoring works from. Recursion depth is bounded so a pathological page cannot
 * overflow the stack, and so is the number of nodes visited; what lies beyond is ignored.
 */
export function measure(root: Element, skipUnlikely: boolean): Measurement {
  const stats = new Map<Element, TextStats>();
  const paragraphs: Paragraph[] = [];
  const linkedHeadings: Element[] = [];

  let counter = 0;
  let budget = MAX_NODES;
  const visit = (el: Element, tag: string, inLink: boolean, depth: number): TextStats => {
    const index = counter++;
    const total: TextStats = { chars: 0, linkChars: 0, words: 0, commas: 0 };
    const own: TextStats = { chars: 0, linkChars: 0, words: 0, commas: 0 };
    for (let child = firstChildOf(el); child && budget > 0; child = nextChildOf(child, el)) {
      budget--;
      if (child.nodeType === TEXT_NODE) {
        const { chars, words, commas } = textMetrics((child as Text).data);
        if (chars === 0) continue;
        const link = inLink ? chars : 0;
        total.chars += chars; total.linkChars += link; total.words += words; total.commas += commas;
        own.chars += chars; own.linkChars += link; own.words += words; own.commas += commas;
      } else if (child.nodeType === ELEMENT_NODE) {
        const childEl = child as Element;
        const childTag = tagOf(childEl);
        if (childTag === 'br' || depth > 400 || isPruned(childEl, childTag, skipUnlikely)) continue;
        const s = visit(childEl, childTag, inLink || childTag === 'a', depth + 1);
        total.chars += s.chars; total.linkChars += s.linkChars; total.words += s.words; total.commas += s.commas;
        if (isInline(childTag)) {
          own.chars += s.chars; own.linkChars += s.linkChars; own.words += s.words; own.commas += s.commas;
        }
      }
    }
    stats.set(el, total);
    if (!isInline(tag) && own.chars >= MIN_PARAGRAPH_CHARS) paragraphs.push({ el, tag, index, ...own });
    if ((tag === 'h2' || tag === 'h3' || tag === 'h4') && total.chars >= 10 && total.linkChars > 0.7 * total.chars) {
      linkedHeadings.push(el);
    }
    return total;
  };

  visit(root, tagOf(root), false, 0);
  // Post-order pushes children first; scoring and text want document order.
  paragraphs.sort((a, b) => a.index - b.index);
  return { stats, paragraphs, linkedHeadings, truncated: budget <= 0 };
}
