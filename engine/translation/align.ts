import { alignmentBand, FULL_SEARCH_CELLS } from './band';
import { joinFeatures, type SentenceFeatures } from './features';
import { overlapMatrix, similarity } from './similarity';

/** Sentences of one text aligned with sentences of the other (one or two on each side). */
export interface AlignedPair {
  a: number[];
  b: number[];
  /** similarity of the two sides, 0..1 */
  score: number;
}

/**
 * Score above which a 1-1 pair is worth more than leaving both sentences unaligned. Between
 * sentences that are not translations of each other the similarity stays below 0.3 on the eval
 * pairs (names, numbers and the length term give something to any pair); translations score
 * 0.5 to 0.95.
 */
export const PAIR_FLOOR = 0.3;
/** A merge (2-1, 1-2) must pay for itself: a short sentence read with its neighbour adds little to the pair's similarity. */
const MERGE_COST = 0.05;
/**
 * A merge covers three sentences where a pair covers two, so its gain above the floor weighs a
 * little more; at 1.5 a good pair swallowed the next sentence and threw the following pairs off
 * by one, at 1 a sentence split in two in the translation lost its second half (eval: 1.1).
 */
const MERGE_WEIGHT = 1.1;

const enum Move {
  None,
  OneOne,
  OneZero,
  ZeroOne,
  TwoOne,
  OneTwo,
}

/**
 * Monotone alignment of two sentence sequences, in the manner of Gale-Church and hunalign:
 * dynamic programming over 1-1, 1-0, 0-1, 2-1 and 1-2 moves, each pair gaining its similarity
 * above PAIR_FLOOR (a merge a little more, less its cost), each unaligned sentence gaining nothing. `ratio` is the expected length of b's sentences over a's.
 */
export function alignSentences(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[], ratio: number): AlignedPair[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const gain = new Float64Array((n + 1) * width).fill(-Infinity);
  const move = new Uint8Array((n + 1) * width);
  const score = new Float64Array((n + 1) * width);
  const joinedA = a.slice(0, -1).map((f, i) => joinFeatures(f, a[i + 1]));
  const joinedB = b.slice(0, -1).map((f, j) => joinFeatures(f, b[j + 1]));
  const overlap = overlapMatrix(a, b);
  const band = n * m > FULL_SEARCH_CELLS ? alignmentBand(a, b) : null;
  const shares = (i: number, j: number) => overlap[i * m + j] === 1 && (!band || (j >= band.lo[i] && j <= band.hi[i]));
  gain[0] = 0;
  const offer = (to: number, value: number, how: Move, s: number) => {
    if (value > gain[to]) {
      gain[to] = value;
      move[to] = how;
      score[to] = s;
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = gain[i * width + j];
      if (here === -Infinity) continue;
      if (i < n) offer((i + 1) * width + j, here, Move.OneZero, 0);
      if (j < m) offer(i * width + j + 1, here, Move.ZeroOne, 0);
      // Sentences with nothing in common cannot pay PAIR_FLOOR: left unscored.
      if (i < n && j < m) {
        if (shares(i, j)) {
          const s = similarity(a[i], b[j], ratio);
          offer((i + 1) * width + j + 1, here + s - PAIR_FLOOR, Move.OneOne, s);
        }
        if (i + 1 < n && (shares(i, j) || shares(i + 1, j))) {
          const s2 = similarity(joinedA[i], b[j], ratio);
          offer((i + 2) * width + j + 1, here + (s2 - PAIR_FLOOR) * MERGE_WEIGHT - MERGE_COST, Move.TwoOne, s2);
        }
        if (j + 1 < m && (shares(i, j) || shares(i, j + 1))) {
          const s2 = similarity(a[i], joinedB[j], ratio);
          offer((i + 1) * width + j + 2, here + (s2 - PAIR_FLOOR) * MERGE_WEIGHT - MERGE_COST, Move.OneTwo, s2);
        }
      }
    }
  }
  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = i * width + j;
    const s = score[at];
    switch (move[at] as Move) {
      case Move.OneOne:
        pairs.push({ a: [i - 1], b: [j - 1], score: s });
        i--;
        j--;
        break;
      case Move.TwoOne:
        pairs.push({ a: [i - 2, i - 1], b: [j - 1], score: s });
        i -= 2;
        j--;
        break;
      case Move.OneTwo:
        pairs.push({ a: [i - 1], b: [j - 2, j - 1], score: s });
        i--;
        j -= 2;
        break;
      case Move.OneZero:
        i--;
        break;
      default:
        j--;
    }
  }
  return pairs.reverse().map((p) => ({ ...p, score: Math.round(p.score * 1000) / 1000 }));
}
