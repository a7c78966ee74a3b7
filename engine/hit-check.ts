import type { Tokens } from './tokenize';

/**
 * Length in words of the identical run through page word `p` and source word `q`. A dispatch with
 * only a few hits, none inside a run long enough to make a passage, shares common phrases only
 * and is not aligned.
 */
export function runThrough(page: Tokens, p: number, source: Tokens, q: number): number {
  if (q >= source.count || page.hashes[p] !== source.hashes[q]) return 0;
  let ahead = 1;
  while (p + ahead < page.count && q + ahead < source.count && page.hashes[p + ahead] === source.hashes[q + ahead]) ahead++;
  let back = 0;
  while (p - back > 0 && q - back > 0 && page.hashes[p - back - 1] === source.hashes[q - back - 1]) back++;
  return ahead + back;
}
