import { describe, expect, it } from 'vitest';
import { findTerm, type FactsIndex } from '../facts/facts-index';
import { localTerms } from './facts-vector';

describe('localTerms', () => {
  it('finds each of increasing hashes where a binary search of the keys finds it', () => {
    let seed = 7;
    const rng = { next: () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) };
    for (const size of [0, 1, 2, 9, 300, 5000]) {
      const keys = new Uint32Array(new Set(Array.from({ length: size }, () => Math.floor(rng.next() * 2 ** 32)))).sort();
      const index = { keys } as unknown as FactsIndex;
      // Some keys of the index, some hashes it lacks, below, between and above its keys.
      const wanted = new Set<number>([0, 2 ** 32 - 1]);
      for (let i = 0; i < 40; i++) wanted.add(rng.next() < 0.5 && size ? keys[Math.floor(rng.next() * size)] : Math.floor(rng.next() * 2 ** 32));
      const hashes = new Uint32Array(wanted).sort();
      expect([...localTerms(index, hashes)]).toEqual([...hashes].map((h) => findTerm(index, h)));
    }
  });
});
