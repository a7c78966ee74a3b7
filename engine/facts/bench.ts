import { tokenize } from '../tokenize';
import { alignFacts, type AlignFactsOptions } from './align';
import { buildFactsIndex, type FactsDoc, type FactsIndex } from './facts-index';
import { scorePair, sentenceVector } from './score';
import { NO_DAY, analyzeText } from './terms';

/** Bytes held by the index's typed arrays, plus a rough 2 bytes a character for the ids. */
export function factsIndexBytes(index: FactsIndex): number {
  let bytes = 0;
  for (const value of Object.values(index)) {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
  }
  for (const id of index.ids) bytes += 2 * id.length + 16;
  return bytes;
}

export interface FactsBuildTiming {
  index: FactsIndex;
  ms: number;
  bytes: number;
  sentences: number;
  terms: number;
}

/** Builds the facts index of `docs` and says how long it took and how big it is. */
export function benchFactsBuild(docs: readonly FactsDoc[]): FactsBuildTiming {
  const t0 = performance.now();
  const index = buildFactsIndex(docs);
  const ms = performance.now() - t0;
  return { index, ms, bytes: factsIndexBytes(index), sentences: index.sentDoc.length, terms: index.keys.length };
}

export interface FactsAlignTiming {
  /** Median and fastest time of alignFacts over the runs, after one warm-up run. */
  medianMs: number;
  minMs: number;
  /** Median time of a bare pass that only tokenises (folds and hashes) the page. */
  tokenizeMs: number;
  /** medianMs / tokenizeMs. */
  ratio: number;
  /** Same-fact pairs found on the last run. */
  pairs: number;
}

/**
 * Times alignFacts on one page against an index, beside a bare tokenising pass of the same page
 * in the same run. Hints are left out by default (they run only for the pairs shown, from the
 * dispatch texts); pass `options.getText` and `options.hints` to time them too.
 */
export function benchAlignFacts(pageText: string, index: FactsIndex, runs = 15, options: AlignFactsOptions = {}): FactsAlignTiming {
  const opts: AlignFactsOptions = { hints: false, ...options };
  let pairs = alignFacts(pageText, index, opts).length;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    pairs = alignFacts(pageText, index, opts).length;
    times.push(performance.now() - t0);
  }
  const base: number[] = [];
  tokenize(pageText, true);
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    tokenize(pageText, true);
    base.push(performance.now() - t0);
  }
  const medianMs = median(times);
  const tokenizeMs = median(base);
  return { medianMs, minMs: Math.min(...times), tokenizeMs, ratio: tokenizeMs > 0 ? medianMs / tokenizeMs : Infinity, pairs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export interface NaiveFactsTiming {
  /** Estimated time to score every page sentence against every corpus sentence. */
  ms: number;
  /** Corpus sentences actually scored (every k-th one), and all of them. */
  sampled: number;
  sentences: number;
}

/**
 * The naive baseline for same-fact alignment: the same exact pair score, computed for every page
 * sentence against every corpus sentence (no postings). Timed on every k-th corpus sentence so
 * that about `sample` are scored, then scaled linearly to all of them.
 */
export function benchNaiveFacts(pageText: string, index: FactsIndex, sample = 20_000): NaiveFactsTiming {
  const total = index.sentDoc.length;
  const step = Math.max(1, Math.floor(total / sample));
  const t0 = performance.now();
  const page = analyzeText(pageText);
  const lookup = new Map<number, number>();
  const vectors = page.sentences.map((s) => sentenceVector(s, index, lookup));
  const t1 = performance.now();
  let scored = 0;
  let sink = 0;
  for (let s = 0; s < total; s += step) {
    scored++;
    for (const v of vectors) sink += scorePair(v, index, s, NO_DAY, false).score;
  }
  const loop = performance.now() - t1;
  if (Number.isNaN(sink)) throw new Error('a pair score is not a number');
  // Reading the page is paid once; the scoring loop grows with the corpus.
  const ms = t1 - t0 + (loop * total) / Math.max(1, scored);
  return { ms, sampled: scored, sentences: total };
}
