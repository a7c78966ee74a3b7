import { shingleHashes, tokenize } from '../engine/index';

/**
 * The least work any fingerprint matcher must do on a page: tokenise it (Unicode words, folded,
 * FNV-1a per word) and hash its word n-grams, with the engine's own code and n-gram size.
 * match() time divided by this shows how close matching is to that floor.
 */
export function barePass(pageText: string, k: number): number {
  const shingles = shingleHashes(tokenize(pageText).hashes, k);
  return shingles.length;
}
