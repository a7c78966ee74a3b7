import { describe, expect, it } from 'vitest';
import { layerHighlights, type Layer } from './highlight-layers';

const at = (layers: Layer[], offset: number) => layers.filter((l) => l.start <= offset && offset < l.end);

describe('layerHighlights', () => {
  it('leaves passages that do not overlap whole, each in its own style', () => {
    expect(
      layerHighlights([
        { kind: 'edited', start: 20, end: 30 },
        { kind: 'verbatim', start: 0, end: 10 },
      ]),
    ).toEqual([
      { kind: 'verbatim', start: 0, end: 10, under: false },
      { kind: 'edited', start: 20, end: 30, under: false },
    ]);
  });

  it('draws one tint and one underline where an edited copy overlaps a verbatim one; the edited copy keeps its line above', () => {
    const layers = layerHighlights([
      { kind: 'verbatim', start: 10, end: 20 },
      { kind: 'edited', start: 0, end: 30 },
    ]);
    expect(layers).toEqual([
      { kind: 'edited', start: 0, end: 10, under: false },
      { kind: 'verbatim', start: 10, end: 20, under: false },
      { kind: 'edited', start: 10, end: 20, under: true },
      { kind: 'edited', start: 20, end: 30, under: false },
    ]);
    // Every offset has exactly one full style (tint + underline) however many kinds cover it.
    for (let i = 0; i < 30; i++) expect(at(layers, i).filter((l) => !l.under)).toHaveLength(1);
  });

  it('follows verbatim > edited > translated > same fact, whatever the input order', () => {
    const layers = layerHighlights([
      { kind: 'same-fact', start: 0, end: 40 },
      { kind: 'translated', start: 0, end: 30 },
      { kind: 'edited', start: 0, end: 20 },
      { kind: 'verbatim', start: 0, end: 10 },
    ]);
    const top = (offset: number) => at(layers, offset).find((l) => !l.under)?.kind;
    expect([top(5), top(15), top(25), top(35)]).toEqual(['verbatim', 'edited', 'translated', 'same-fact']);
    expect(at(layers, 5).filter((l) => l.under).map((l) => l.kind)).toEqual(['edited', 'translated', 'same-fact']);
  });

  it('merges the stronger stretches that cover one weaker stretch', () => {
    const layers = layerHighlights([
      { kind: 'verbatim', start: 5, end: 10 },
      { kind: 'edited', start: 8, end: 14 },
      { kind: 'translated', start: 0, end: 20 },
    ]);
    expect(layers.filter((l) => l.kind === 'translated')).toEqual([
      { kind: 'translated', start: 0, end: 5, under: false },
      { kind: 'translated', start: 5, end: 14, under: true },
      { kind: 'translated', start: 14, end: 20, under: false },
    ]);
  });

  it('draws no weaker kind’s overline where a saved comparison’s overline lies: one line above the text', () => {
    const layers = layerHighlights(
      [
        { kind: 'verbatim', start: 10, end: 20 },
        { kind: 'edited', start: 0, end: 30 },
      ],
      [{ start: 12, end: 16 }],
    );
    expect(layers).toEqual([
      { kind: 'edited', start: 0, end: 10, under: false },
      { kind: 'verbatim', start: 10, end: 20, under: false },
      { kind: 'edited', start: 10, end: 12, under: true },
      { kind: 'edited', start: 16, end: 20, under: true },
      { kind: 'edited', start: 20, end: 30, under: false },
    ]);
    // The full styles (tint and underline) stay whole under the saved mark.
    for (let offset = 0; offset < 30; offset++) expect(at(layers, offset).filter((l) => !l.under)).toHaveLength(1);
    for (let offset = 12; offset < 16; offset++) expect(at(layers, offset).filter((l) => l.under)).toHaveLength(0);
  });
});
