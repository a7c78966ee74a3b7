import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_RX } from './story-layout';
import { sideBySide, textDiff } from './text-diff';

describe('textDiff', () => {
  it('marks the word each version has alone and keeps both texts whole', () => {
    const left = 'Les pêcheurs ont dénoncé un texte qui sacrifie leurs zones.\n\nLe Sénat examinera.';
    const right = 'Les pêcheurs ont dénoncé un texte qui sacrifierait leurs zones.\n\nLe Sénat examinera.';
    const { left: l, right: r } = sideBySide(left, right);
    expect(l.map((s) => s.text).join('')).toBe(left);
    expect(r.map((s) => s.text).join('')).toBe(right);
    expect(l.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['sacrifie']);
    expect(r.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['sacrifierait']);
  });

  it('gives the same text unmarked', () => {
    expect(textDiff('a b c', 'a b c')).toEqual([{ op: 0, text: 'a b c' }]);
  });
});

describe('layoutGraph', () => {
  it('puts the first node at the top and ends arrows outside the nodes', () => {
    const layout = layoutGraph(
      [
        { name: 'AFP', kind: 'agency' },
        { name: 'Le Figaro', kind: 'outlet' },
        { name: 'Un très long nom de site d’information', kind: 'outlet' },
      ],
      [{ from: 'AFP', to: 'Le Figaro', kind: 'copy', copied: 0.9 }, { from: 'AFP', to: 'nowhere', kind: 'copy', copied: 1 }],
    );
    const [afp, figaro, long] = layout.nodes;
    expect(afp.y).toBeLessThan(figaro.y);
    expect(long.label.length).toBeLessThanOrEqual(18);
    expect(layout.arrows).toHaveLength(1);
    const [a] = layout.arrows;
    expect(Math.hypot(a.x2 - figaro.x, a.y2 - figaro.y)).toBeGreaterThan(10);
    expect(Math.hypot(a.x2 - figaro.x, a.y2 - figaro.y)).toBeLessThan(NODE_RX + 10);
    for (const n of layout.nodes) expect(n.x >= NODE_RX && n.x <= layout.width - NODE_RX).toBe(true);
  });
});
