/** A box in viewport coordinates (DOMRect's fields, so plain objects work in tests). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 6;
const MARGIN = 8;

const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** True when `rect` shows at least a sliver inside the viewport. */
export function inViewport(rect: Box, width: number, height: number): boolean {
  return rect.bottom > 0 && rect.top < height && rect.right > 0 && rect.left < width && rect.right > rect.left;
}

/**
 * Where the card goes: below the passage (the lines of it in view), else above, else beside it,
 * always inside the viewport; the first place that covers none of the passage's lines wins. When
 * the passage fills the view, the card goes below (else above) the line it was opened from,
 * covering as little of the passage as it can.
 */
export function placeCard(card: { width: number; height: number }, passage: readonly Box[], anchor: Box, viewport: { width: number; height: number }): { left: number; top: number } {
  const { width: vw, height: vh } = viewport;
  const seen = passage.filter((r) => inViewport(r, vw, vh));
  const lines = seen.length > 0 ? seen : [anchor];
  const union = {
    left: Math.min(...lines.map((r) => r.left)),
    top: Math.min(...lines.map((r) => r.top)),
    right: Math.max(...lines.map((r) => r.right)),
    bottom: Math.max(...lines.map((r) => r.bottom)),
  };
  const candidates = [
    { left: anchor.left, top: union.bottom + GAP },
    { left: anchor.left, top: union.top - GAP - card.height },
    { left: union.right + GAP, top: anchor.top },
    { left: union.left - GAP - card.width, top: anchor.top },
    { left: anchor.left, top: anchor.bottom + GAP },
    { left: anchor.left, top: anchor.top - GAP - card.height },
  ];
  let best: { left: number; top: number } | null = null;
  let bestCover = Infinity;
  for (const c of candidates) {
    const left = Math.max(MARGIN, Math.min(c.left, vw - card.width - MARGIN));
    const top = Math.max(MARGIN, Math.min(c.top, vh - card.height - MARGIN));
    const box = { left, top, right: left + card.width, bottom: top + card.height };
    const cover = lines.reduce((sum, r) => sum + overlap(box, r), 0);
    if (cover === 0) return { left, top };
    if (cover < bestCover) {
      bestCover = cover;
      best = { left, top };
    }
  }
  return best!;
}
