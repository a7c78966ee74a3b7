import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../engine/types';
import { corpusHash, hashString } from './content-hash';

const d = (id: string, text: string): Dispatch => ({
  id, outlet: 'o', origin: 'AFP', chain: ['AFP', 'o'], language: 'fr', date: '2021-12', title: 't', paragraphs: [text],
});

describe('content hash', () => {
  it('is stable and sensitive to any character', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(hashString("l'Otan")).not.toBe(hashString('l’Otan'));
  });

  it('ignores record order and key order, not content', () => {
    const a = d('a', 'x');
    const b = d('b', 'y');
    const reordered = { paragraphs: ['x'], title: 't', date: '2021-12', language: 'fr', chain: ['AFP', 'o'], origin: 'AFP', outlet: 'o', id: 'a' };
    expect(corpusHash([a, b])).toBe(corpusHash([b, reordered]));
    expect(corpusHash([a, b])).not.toBe(corpusHash([a, d('b', 'y ')]));
    expect(corpusHash([a])).not.toBe(corpusHash([{ ...a, url: 'https://e.org' }]));
    // Moving a paragraph boundary is a content change.
    expect(corpusHash([{ ...a, paragraphs: ['x y'] }])).not.toBe(corpusHash([{ ...a, paragraphs: ['x', 'y'] }]));
  });
});
