import type { SentenceFeatures } from './features';

/**
 * Alignments up to this many sentence pairs (40 x 40) are searched in full; larger ones within a
 * band around the likely path. Full search scores every pair that shares something: on two texts
 * of 350 sentences it took 4 s, in the band 0.25 s.
 */
export const FULL_SEARCH_CELLS = 1600;

/** Rows of b each sentence of a may pair with: lo[i] <= j <= hi[i]. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/**
 * The band of b's sentences each sentence of a may pair with, hunalign-style: anchors are the
 * pairs that share a key (lexicon entry, number, name, cognate) found in no other sentence of
 * either text; the longest chain of them in order (both indices increasing) traces the path, and
 * the band follows it, straight between anchors and with the texts' length ratio beyond them.
 */
export function alignmentBand(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[]): Band {
  const n = a.length;
  const m = b.length;
  const chain = anchorChain(a, b);
  const slope = n ? m / n : 1;
  const width = Math.max(5, Math.ceil(0.04 * Math.max(n, m)));
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    while (k < chain.length && chain[k][0] < i) k++;
    let centre: number;
    if (!chain.length) centre = i * slope;
    else if (k === 0) centre = chain[0][1] - (chain[0][0] - i) * slope;
    else if (k === chain.length) centre = chain[k - 1][1] + (i - chain[k - 1][0]) * slope;
    else {
      const [i0, j0] = chain[k - 1];
      const [i1, j1] = chain[k];
      centre = i1 === i0 ? j1 : j0 + ((i - i0) * (j1 - j0)) / (i1 - i0);
    }
    lo[i] = Math.max(0, Math.floor(centre - width));
    hi[i] = Math.min(m - 1, Math.ceil(centre + width));
  }
  return { lo, hi };
}

function keysOf(f: SentenceFeatures): Set<string> {
  const keys = new Set<string>();
  for (const e of f.entries) keys.add('e' + e);
  for (const x of f.numbers) keys.add('n' + x);
  for (const w of f.names) keys.add('s' + w.skeleton);
  return keys;
}

/** Pairs (i, j) sharing a key unique to one sentence on each side, longest increasing chain of them. */
export function anchorChain(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[]): [number, number][] {
  const seen = new Map<string, { i: number; ni: number; j: number; nj: number }>();
  a.forEach((f, i) => {
    for (const key of keysOf(f)) {
      const s = seen.get(key);
      if (s) s.ni++;
      else seen.set(key, { i, ni: 1, j: -1, nj: 0 });
    }
  });
  b.forEach((f, j) => {
    for (const key of keysOf(f)) {
      const s = seen.get(key);
      if (!s) continue;
      s.nj++;
      s.j = j;
    }
  });
  const anchors: [number, number][] = [];
  for (const s of seen.values()) if (s.ni === 1 && s.nj === 1) anchors.push([s.i, s.j]);
  anchors.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  // Longest chain with both indices strictly increasing (patience sorting on j).
  const tails: number[] = [];
  const tailAt: number[] = [];
  const prev = new Int32Array(anchors.length).fill(-1);
  anchors.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < j) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = j;
    tailAt[lo] = k;
    prev[k] = lo > 0 ? tailAt[lo - 1] : -1;
  });
  const chain: [number, number][] = [];
  for (let k = tails.length ? tailAt[tails.length - 1] : -1; k >= 0; k = prev[k]) chain.push(anchors[k]);
  chain.reverse();
  // Equal i with increasing j cannot both stand (sorted by j descending within one i, the LIS keeps one).
  return chain;
}
