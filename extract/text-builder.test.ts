import { describe, expect, it } from 'vitest';
import { TextBuilder } from './text-builder';

/** Stands for a DOM text node: the builder reads `data` and keeps the node's identity. */
const textNode = (data: string) => ({ data }) as unknown as Text;

/** The character-by-character layout, which the builder keeps for text near its cap. */
function byCharacter(b: TextBuilder, node: Text): void {
  (b as unknown as { addTextByCharacter(node: Text, data: string): void }).addTextByCharacter(node, node.data);
}

function layout(nodes: Text[], add: (b: TextBuilder, node: Text) => void) {
  const b = new TextBuilder(1_000_000);
  nodes.forEach((node, i) => {
    if (i === 2) b.blockBoundary();
    add(b, node);
  });
  return { text: b.text, pieces: b.pieces.map((p) => [nodes.indexOf(p.node), p.nodeStart, p.nodeEnd, p.textStart]) };
}

/** A small deterministic generator, so a failure names a case that can be replayed. */
function* cases(count: number): Generator<string[]> {
  const alphabet = ['a', 'b', ' ', ' ', '\n', '\t', '\r', '\f', '\u00a0', ',', 'é', '  '];
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let i = 0; i < count; i++) {
    const nodes = Array.from({ length: 1 + next(3) }, () => Array.from({ length: next(12) }, () => alphabet[next(alphabet.length)]).join(''));
    yield nodes;
  }
}

describe('text layout', () => {
  it('lays out prose run by run exactly as character by character: same text, same pieces', () => {
    const fixed = [['  Le Kremlin a transmis\n    ses propositions  '], [' a', 'b ', ' c'], ['\n', ' ', 'x'], ['a\u00a0 b\t\tc'], ['x', '', '  y  ']];
    for (const data of [...fixed, ...cases(3000)]) {
      const nodes = data.map(textNode);
      expect(layout(nodes, (b, n) => b.addText(n)), JSON.stringify(data)).toEqual(layout(nodes, byCharacter));
    }
  });

  it('collapses line breaks, tabs and repeated spaces to one space and keeps no-break spaces', () => {
    const nodes = ['  Un\n\t texte  ', 'suivi\u00a0 ici '].map(textNode);
    const { text, pieces } = layout(nodes, (b, n) => b.addText(n));
    expect(text).toBe('Un texte suivi\u00a0 ici');
    // A collapsed run points at a plain space of its own (merged into the piece before it when they touch).
    expect(pieces).toEqual([
      [0, 2, 4, 0],
      [0, 6, 13, 2],
      [1, 0, 10, 9],
    ]);
  });
});
