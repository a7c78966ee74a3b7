import { describe, expect, it } from 'vitest';
import { paragraphOriginsFrom } from './paragraph-origins';

const P = ['Premier paragraphe, repris mot pour mot d’une dépêche de l’agence.', 'Deuxième paragraphe, lui aussi repris de l’agence avec un mot changé.', 'Troisième paragraphe, écrit par la rédaction elle-même.', 'Quatrième, repris d’un autre média.'];
const text = P.join('\n\n');
const at = (i: number) => ({ start: text.indexOf(P[i]), end: text.indexOf(P[i]) + P[i].length });

describe('paragraph origins of a page from what it copies', () => {
  it('gives the copied paragraphs their source’s origin and leaves the page’s own text to the page', () => {
    const evidence = [
      { page: { start: at(0).start, end: at(1).end }, kind: 'verbatim' as const, origin: 'AFP' },
      { page: at(3), kind: 'edited' as const, origin: 'Reuters' },
      { page: at(2), kind: 'same-fact' as const, origin: 'AP' },
    ];
    expect(paragraphOriginsFrom(P, text, evidence, 'Le Site')).toEqual([
      { from: 0, to: 1, origin: 'AFP' },
      { from: 3, to: 3, origin: 'Reuters' },
    ]);
  });

  it('a paragraph copied for less than most of it, or from the page’s own origin, stays the page’s', () => {
    const half = { start: at(0).start, end: at(0).start + Math.floor(P[0].length / 2) };
    expect(paragraphOriginsFrom(P, text, [{ page: half, kind: 'verbatim', origin: 'AFP' }], 'Le Site')).toBeUndefined();
    expect(paragraphOriginsFrom(P, text, [{ page: at(0), kind: 'verbatim', origin: 'AFP' }], 'AFP')).toBeUndefined();
    // A record that left a block out still finds its paragraphs in order.
    expect(paragraphOriginsFrom([P[0], P[3]], text, [{ page: at(3), kind: 'verbatim', origin: 'Reuters' }], 'Le Site')).toEqual([{ from: 1, to: 1, origin: 'Reuters' }]);
  });
});
