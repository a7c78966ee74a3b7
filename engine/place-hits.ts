import { shingleHashes, winnow } from './shingles';
import { tokenize, type Tokens } from './tokenize';

/**
 * Where a candidate's hits are in its text. The text index holds which dispatches hold a
 * fingerprint, not where (see PackedText): the text is fingerprinted again as the index
 * fingerprinted it (same shingles, same winnowing), and a dispatch's n-th posting of a fingerprint
 * is the n-th shingle of it that winnowing picks there. `pairs` are (page word, fingerprint), the
 * postings met by one page word listed together, as lookup lists them; they are turned, in place,
 * into (page word, character offset of the shingle). A fingerprint the text no longer holds (a
 * text changed since it was indexed) drops its pairs. Returns the tokens of the whole text.
 */
export function placeHits(text: string, k: number, w: number, pairs: number[]): Tokens {
  const tokens = tokenize(text);
  const shingles = shingleHashes(tokens.hashes, k);
  const picked = winnow(shingles, w);
  const wanted = new Set<number>();
  for (let h = 1; h < pairs.length; h += 2) wanted.add(pairs[h]);
  const where = new Map<number, number[]>();
  for (let i = 0; i < picked.length; i++) {
    const hash = shingles[picked[i]];
    if (!wanted.has(hash)) continue;
    let list = where.get(hash);
    if (!list) where.set(hash, (list = []));
    list.push(tokens.starts[picked[i]]);
  }
  let out = 0;
  let nth = 0;
  // The pair before, as it was (pairs are overwritten as they are read).
  let lastWord = -1;
  let lastHash = -1;
  for (let h = 0; h < pairs.length; h += 2) {
    const word = pairs[h];
    const hash = pairs[h + 1];
    nth = word === lastWord && hash === lastHash ? nth + 1 : 0;
    lastWord = word;
    lastHash = hash;
    const list = where.get(hash);
    if (!list || nth >= list.length) continue;
    pairs[out++] = word;
    pairs[out++] = list[nth];
  }
  pairs.length = out;
  return tokens;
}
