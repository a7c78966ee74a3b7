import { describe, expect, it } from 'vitest';
import { inViewport, placeCard, type Box } from './card-place';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, right: left + width, bottom: top + height });
const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 200 };
const at = (p: { left: number; top: number }) => box(p.left, p.top, card.width, card.height);
const hits = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const within = (a: Box) => a.left >= 0 && a.top >= 0 && a.right <= viewport.width && a.bottom <= viewport.height;

describe('placeCard', () => {
  it('goes just below a passage of three lines, from the left of the line it was opened from', () => {
    const lines = [box(400, 100, 500, 20), box(100, 120, 800, 20), box(100, 140, 300, 20)];
    const p = placeCard(card, lines, lines[0], viewport);
    expect(p).toEqual({ left: 400, top: 166 });
    expect(lines.some((l) => hits(at(p), l))).toBe(false);
  });

  it('goes above a passage near the bottom of the view, never over it', () => {
    const lines = [box(100, 680, 800, 20), box(100, 700, 800, 20)];
    const p = placeCard(card, lines, lines[1], viewport);
    expect(p.top + card.height).toBeLessThanOrEqual(680);
    expect(lines.some((l) => hits(at(p), l)) || !within(at(p))).toBe(false);
  });

  it('goes beside a tall passage with room at its side, and stays in the viewport', () => {
    const lines = Array.from({ length: 30 }, (_, i) => box(100, 50 + i * 24, 500, 20));
    const p = placeCard(card, lines, lines[10], viewport);
    expect(lines.some((l) => hits(at(p), l))).toBe(false);
    expect(within(at(p))).toBe(true);
    expect(p.left).toBeGreaterThanOrEqual(600);
  });

  it('covers the fewest lines, never the one it was opened from, when the passage fills the view', () => {
    const lines = Array.from({ length: 33 }, (_, i) => box(8, i * 24, 984, 20));
    const p = placeCard(card, lines, lines[5], viewport);
    expect(hits(at(p), lines[5])).toBe(false);
    expect(within(at(p))).toBe(true);
  });

  it('counts only the passage lines in view', () => {
    expect(inViewport(box(0, -40, 100, 20), 1000, 800)).toBe(false);
    expect(inViewport(box(0, 790, 100, 20), 1000, 800)).toBe(true);
  });
});
