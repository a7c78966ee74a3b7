import { prefixOf, type SentenceFeatures, type WordFeature } from './features';

/**
 * Expected length of an English translation over its French original, in characters, and the
 * variance per character of that ratio (Gale and Church measured 6.8 on a French-English corpus).
 * French runs some 10-15 % longer: the eval pairs give 1.13.
 */
export const EN_PER_FR = 1 / 1.13;
const VARIANCE = 6.8;

/** Weights of the four signals; a signal neither sentence has (no number, no name) drops out. */
const WEIGHTS = { words: 0.6, length: 0.15, numbers: 0.15, names: 0.1 };

/** A word of one sentence has its translation in the other: a shared lexicon entry, the same name, or a cognate. */
export function wordMatches(w: WordFeature, other: SentenceFeatures): boolean {
  for (const e of w.entries) if (other.entries.has(e)) return true;
  if (w.name && w.skeleton.length >= 2 && other.skeletons.has(w.skeleton)) return true;
  const p = prefixOf(w.folded);
  return p !== undefined && other.prefixes.has(p);
}

/**
 * How likely two sentences are translations of each other, 0..1: the share of their content words
 * that meet a translation on the other side, their length ratio against the expected one
 * (Gale-Church), the numbers they share and the names they share. `ratio` is the expected length
 * of b over a.
 */
export function similarity(a: SentenceFeatures, b: SentenceFeatures, ratio: number): number {
  let total = 0;
  let weight = 0;
  const add = (score: number, w: number) => {
    total += score * w;
    weight += w;
  };
  const words = a.words.length + b.words.length;
  if (words) {
    let matched = 0;
    for (const w of a.words) if (wordMatches(w, b)) matched++;
    for (const w of b.words) if (wordMatches(w, a)) matched++;
    add(matched / words, WEIGHTS.words);
  }
  add(lengthScore(a.chars, b.chars, ratio), WEIGHTS.length);
  if (a.numbers.size || b.numbers.size) {
    let shared = 0;
    for (const n of a.numbers) if (b.numbers.has(n)) shared++;
    add(shared / (a.numbers.size + b.numbers.size - shared), WEIGHTS.numbers);
  }
  const namesA = a.names;
  const namesB = b.names;
  if (namesA.length || namesB.length) {
    let matched = 0;
    for (const w of namesA) if (wordMatches(w, b)) matched++;
    for (const w of namesB) if (wordMatches(w, a)) matched++;
    add(matched / (namesA.length + namesB.length), WEIGHTS.names);
  }
  return weight ? total / weight : 0;
}

/** Gale-Church: the probability of a length difference at least this large between a sentence and its translation. */
export function lengthScore(charsA: number, charsB: number, ratio: number): number {
  if (charsA === 0 && charsB === 0) return 1;
  const mean = (charsA * ratio + charsB) / 2;
  const delta = (charsB - charsA * ratio) / Math.sqrt(Math.max(1, mean) * VARIANCE);
  return 2 * (1 - normalCdf(Math.abs(delta)));
}

/** Standard normal distribution function (Abramowitz-Stegun 26.2.17, error below 1e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * x);
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - p;
}

/**
 * Which pairs of sentences have anything at all in common (a lexicon entry, a cognate prefix, a
 * name's skeleton, a number): the others score at most the length term's share, below PAIR_FLOOR,
 * so the aligner need not score them. Row i, column j: a[i] and b[j]; a 1 where they share something.
 */
export function overlapMatrix(a: readonly SentenceFeatures[], b: readonly SentenceFeatures[]): Uint8Array {
  const m = b.length;
  const out = new Uint8Array(a.length * m);
  const byKey = new Map<string | number, number[]>();
  const put = (key: string | number, j: number) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [j]);
    else if (list[list.length - 1] !== j) list.push(j);
  };
  b.forEach((f, j) => {
    for (const e of f.entries) put(e, j);
    for (const p of f.prefixes) put('p' + p, j);
    for (const s of f.skeletons) put('s' + s, j);
    for (const n of f.numbers) put('n' + n, j);
  });
  const mark = (i: number, key: string | number) => {
    const list = byKey.get(key);
    if (list) for (const j of list) out[i * m + j] = 1;
  };
  a.forEach((f, i) => {
    for (const e of f.entries) mark(i, e);
    for (const p of f.prefixes) mark(i, 'p' + p);
    for (const w of f.names) mark(i, 's' + w.skeleton);
    for (const n of f.numbers) mark(i, 'n' + n);
    // A name of b meets a's skeletons the other way round.
    for (const s of f.skeletons) {
      const list = byKey.get('s' + s);
      if (list) for (const j of list) if (b[j].names.some((w) => w.skeleton === s)) out[i * m + j] = 1;
    }
  });
  return out;
}
