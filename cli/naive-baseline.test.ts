import { describe, expect, it } from 'vitest';
import { charModeDiff, wordModeDiff } from './naive-baseline';

function sides(diffs: [number, string][]): { page: string; text: string; common: string } {
  let page = '';
  let text = '';
  let common = '';
  for (const [op, s] of diffs) {
    if (op !== 1) page += s;
    if (op !== -1) text += s;
    if (op === 0) common += s;
  }
  return { page, text, common };
}

describe('naive baseline', () => {
  const page = 'Le président russe a parlé mardi avec Joe Biden de l’Ukraine.';
  const text = 'Hier, le président russe a parlé longuement avec Joe Biden.';

  it('word mode diffs whole words and rebuilds both texts', () => {
    const diffs = wordModeDiff(page, text);
    const s = sides(diffs);
    expect(s.page).toBe(page);
    expect(s.text).toBe(text);
    expect(s.common).toBe('président russe a parlé avec Joe ');
    // No diff piece splits a word.
    for (const [, piece] of diffs) expect(piece).toMatch(/^(\S+\s*)+$|^\s+$/);
  });

  it('char mode rebuilds both texts too', () => {
    const s = sides(charModeDiff(page, text));
    expect(s.page).toBe(page);
    expect(s.text).toBe(text);
  });
});
