import type { ExtractedArticle, NodeSlice, TextPiece } from './types';

/** Index of the first piece that ends after `pos` (binary search: articles can have many thousand pieces). */
function firstEndingAfter(pieces: TextPiece[], pos: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = pieces[mid];
    if (p.textStart + (p.nodeEnd - p.nodeStart) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The DOM positions of article.text[start, end): one slice per text node fragment, in document
 * order. Characters without a piece (block separators, collapsed whitespace) are skipped.
 */
export function rangesFor(article: Pick<ExtractedArticle, 'pieces'>, start: number, end: number): NodeSlice[] {
  const out: NodeSlice[] = [];
  const { pieces } = article;
  for (let i = firstEndingAfter(pieces, start); i < pieces.length; i++) {
    const p = pieces[i];
    if (p.textStart >= end) break;
    const from = Math.max(start, p.textStart) - p.textStart;
    const to = Math.min(end, p.textStart + (p.nodeEnd - p.nodeStart)) - p.textStart;
    if (to > from) out.push({ node: p.node, startOffset: p.nodeStart + from, endOffset: p.nodeStart + to });
  }
  return out;
}

/**
 * Same as rangesFor, as live DOM Ranges of the node's document. The page may have changed its
 * text since extraction: a slice that no longer fits its node is cut to it, or left out.
 */
export function domRangesFor(article: Pick<ExtractedArticle, 'pieces'>, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  for (const s of rangesFor(article, start, end)) {
    const stop = Math.min(s.endOffset, s.node.data.length);
    if (stop <= s.startOffset) continue;
    const range = s.node.ownerDocument.createRange();
    range.setStart(s.node, s.startOffset);
    range.setEnd(s.node, stop);
    ranges.push(range);
  }
  return ranges;
}
