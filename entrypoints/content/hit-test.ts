import type { Box } from './card-place';
import type { Marks } from './highlights';

export interface Hit {
  /** Group indices under the point (a verbatim and an edited group may overlap), or lone saved marks' indices. */
  groups: number[];
  /** The box of the highlighted text under the point, to anchor the card. */
  rect: DOMRect;
}

function caretAt(x: number, y: number, page: Document): { node: Node; offset: number } | null {
  const doc = page as Document & {
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

const inside = (r: DOMRect, x: number, y: number): boolean =>
  x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1;

/**
 * Which highlight is under the pointer: the caret position names a text node and offset, the
 * marks of that node are looked up, and the slice's own boxes confirm the point is on the text
 * (a caret is also found beside a line's end). `x`, `y` and the box are in the viewport of `doc`,
 * the page's document or a same-origin frame's.
 */
export function hitTest(marks: Pick<Marks, 'byNode'>, x: number, y: number, doc: Document = document): Hit | null {
  const caret = caretAt(x, y, doc);
  if (!caret || caret.node.nodeType !== 3) return null;
  const slices = marks.byNode.get(caret.node as Text);
  if (!slices) return null;
  const groups: number[] = [];
  let rect: DOMRect | null = null;
  for (const s of slices) {
    if (caret.offset < s.start || caret.offset > s.end) continue;
    const range = doc.createRange();
    range.setStart(caret.node, s.start);
    range.setEnd(caret.node, s.end);
    for (const r of Array.from(range.getClientRects())) {
      if (inside(r, x, y)) {
        if (!groups.includes(s.group)) groups.push(s.group);
        rect ??= r;
        break;
      }
    }
  }
  return rect ? { groups, rect } : null;
}

/** A box in the viewport of `doc` (a same-origin frame's document) moved into the page's viewport, frame inside frame. */
export function inPageViewport(rect: DOMRect, doc: Document): DOMRect {
  const at = frameOffset(doc);
  return new DOMRect(rect.x + at.x, rect.y + at.y, rect.width, rect.height);
}

/** Where the viewport of `doc` (a same-origin frame's document) starts in the page's viewport; 0, 0 for the page itself. */
export function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let win: Window | null = doc.defaultView; win && win !== window; win = win.parent) {
    const frame = win.frameElement;
    if (!frame) break;
    // The frame's viewport starts inside its element's border and padding.
    const box = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    x += box.left + frame.clientLeft + parseFloat(style.paddingLeft);
    y += box.top + frame.clientTop + parseFloat(style.paddingTop);
  }
  return { x, y };
}

/**
 * The ranges' line boxes in the page's viewport, where the card is drawn: a range in a same-origin
 * frame has its boxes in the frame's viewport, moved by the frame's place on the page.
 */
export function boxesOf(ranges: readonly Range[]): Box[] {
  const offsets = new Map<Document, { x: number; y: number }>();
  return ranges.flatMap((r) => {
    const rects = Array.from(r.getClientRects());
    const doc = r.startContainer.ownerDocument;
    if (!doc || doc === document) return rects;
    let at = offsets.get(doc);
    if (!at) offsets.set(doc, (at = frameOffset(doc)));
    const { x, y } = at;
    return rects.map((b) => ({ left: b.left + x, top: b.top + y, right: b.right + x, bottom: b.bottom + y }));
  });
}
