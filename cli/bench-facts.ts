import { alignWith } from '../engine/index';
import { alignFacts, benchFactsBuild, benchNaiveFacts, type CorpusIndex, type FactsDoc, type FactsIndex, type Passage } from '../engine/index';
import { barePass } from './bare-pass';
import { timeInterleaved, type Timing } from './timing';

/** Corpus sentences scored by the naive baseline, every k-th one, then scaled to all of them. */
const NAIVE_SENTENCE_SAMPLE = 4_000;

export interface FactsBenchInput {
  /** Corpus size → its documents (with date and language where known). */
  corpora: ReadonlyMap<number, readonly FactsDoc[]>;
  /** The text indexes of the same corpora, for the combined figure. */
  textIndexes: ReadonlyMap<number, CorpusIndex>;
  getText: (id: string) => string | undefined;
  pageText: string;
  heapBytes: () => number;
  /** Whether heapBytes follows a garbage collection (else the memory figure is left out). */
  gcAvailable: boolean;
  /** Time the all-pairs baseline too (false: its figures read n/a). */
  naive?: boolean;
  log: (line?: string) => void;
}

export interface FactsBenchFigures {
  /** alignFacts of the page against 10,000 dispatches (no hints), median ms. */
  factsMs10k: number;
  /** The page's whole alignment at 10,000: text match + same-fact alignment, hints of the pairs kept. */
  wholeMs10k: number;
  naiveMs10k: number;
  buildMs10k: number;
  factsIndexMb10k: number;
}

const ms = (x: number, digits = 3) => `${x.toFixed(digits)} ms`;
const int = (n: number) => n.toLocaleString('en-US');

/**
 * Same-fact alignment of the bench page at every corpus size, beside the naive all-pairs baseline
 * and a bare tokenising pass, timed in interleaved rounds like the text match.
 */
export function benchFacts(input: FactsBenchInput): FactsBenchFigures {
  const { log } = input;
  const indexes = new Map<number, FactsIndex>();
  const builds = new Map<number, { ms: number; bytes: number; sentences: number; terms: number }>();
  let heapMb10k = NaN;
  for (const [size, docs] of input.corpora) {
    const before = input.heapBytes();
    const built = benchFactsBuild(docs);
    const after = input.heapBytes();
    indexes.set(size, built.index);
    builds.set(size, built);
    if (size === 10_000 && input.gcAvailable) heapMb10k = (after - before) / 2 ** 20;
  }
  log();
  log('Facts index (same-fact alignment): one build per size, dates and languages of the seeds, none for synthetic dispatches');
  for (const [size, b] of builds) {
    const per1k = size >= 1_000 ? ` = ${ms((b.ms / size) * 1000, 0)} per 1,000` : '';
    log(
      `  ${int(size).padStart(6)} dispatches: built in ${ms(b.ms, 0)}${per1k}; ${int(b.sentences)} sentences, ${int(b.terms)} terms, ` +
        `typed arrays ${(b.bytes / 2 ** 20).toFixed(1)} MB`,
    );
  }
  log(`  heap + array buffers grew by ${Number.isFinite(heapMb10k) ? heapMb10k.toFixed(1) : 'n/a'} MB after gc for 10,000 dispatches`);

  const sizes = [...indexes.keys()];
  const index10k = indexes.get(10_000)!;
  const text10k = input.textIndexes.get(10_000)!;
  // What the background runs for a page once the texts it needs are in memory.
  const whole = () => alignWith(input.pageText, { index: text10k, facts: index10k }, input.getText, {}, {}).passages;
  const timings = timeInterleaved(
    [...sizes.map((size) => () => alignFacts(input.pageText, indexes.get(size)!, { hints: false })), whole, () => barePass(input.pageText, text10k.k)],
    { warmup: 3, minRuns: 15, minMs: 3000, maxRuns: 300 },
  );
  const byTiming = new Map(sizes.map((size, i) => [size, timings[i]]));
  const total = timings[sizes.length];
  const bare = timings[sizes.length + 1];
  const text = (x: Timing) => `median ${ms(x.medianMs)} (min ${ms(x.minMs)}, cpu ${ms(x.cpuMs)}/run)`;
  log();
  log(`Same-fact alignment of the page (alignFacts, no hints: page analysis, postings, exact scores; ${bare.runs} runs each)`);
  for (const size of sizes) {
    const pairs = alignFacts(input.pageText, indexes.get(size)!, { hints: false });
    log(`  ${int(size).padStart(6)} dispatches: ${text(byTiming.get(size)!)}; ${describePairs(pairs)}`);
  }
  const wholePassages = whole();
  log(
    `  whole page at 10,000 (the background's alignWith: text match, same facts with shared terms, hints on every passage, verdicts; texts in memory): ` +
      `${text(total)}; ${wholePassages.length} passage(s)`,
  );
  log(`  growth 1,000 → 10,000: ${(byTiming.get(10_000)!.medianMs / byTiming.get(1_000)!.medianMs).toFixed(2)}x; alignFacts at 10,000 / bare pass = ${(byTiming.get(10_000)!.medianMs / bare.medianMs).toFixed(1)}x`);

  if (input.naive === false) {
    log('  naive all-pairs baseline for same facts: SKIPPED (--skip naive)');
    return {
      factsMs10k: byTiming.get(10_000)!.medianMs,
      wholeMs10k: total.medianMs,
      naiveMs10k: NaN,
      buildMs10k: builds.get(10_000)!.ms,
      factsIndexMb10k: heapMb10k,
    };
  }
  const t = performance.now();
  const naive = benchNaiveFacts(input.pageText, index10k, NAIVE_SENTENCE_SAMPLE);
  const naiveSeeds = benchNaiveFacts(input.pageText, indexes.get(sizes[0])!, Number.MAX_SAFE_INTEGER);
  const naive1k = benchNaiveFacts(input.pageText, indexes.get(1_000)!, NAIVE_SENTENCE_SAMPLE);
  log();
  log('Naive baseline for same facts: the same exact pair score for every page sentence against every corpus sentence (no postings)');
  log(
    `  10,000: ${int(naive.sampled)} of ${int(naive.sentences)} corpus sentences scored (every k-th), SCALED LINEARLY to all of them; ` +
      `1,000 likewise (${int(naive1k.sampled)} of ${int(naive1k.sentences)}); ${int(sizes[0])} in full (${ms(performance.now() - t, 0)} spent)`,
  );
  log('  dispatches   alignFacts ms/page   naive ms/page      speed-up');
  const naiveBy = new Map([
    [sizes[0], naiveSeeds.ms],
    [1_000, naive1k.ms],
    [10_000, naive.ms],
  ]);
  for (const size of sizes) {
    const e = byTiming.get(size)!.medianMs;
    const n = naiveBy.get(size)!;
    log(`  ${int(size).padStart(10)}   ${e.toFixed(3).padStart(18)}   ${n.toFixed(1).padStart(13)}${size < 1_000 ? ' ' : '*'}  ${int(Math.round(n / e)).padStart(10)}x`);
  }
  log('  * sampled and scaled');

  return {
    factsMs10k: byTiming.get(10_000)!.medianMs,
    wholeMs10k: total.medianMs,
    naiveMs10k: naive.ms,
    buildMs10k: builds.get(10_000)!.ms,
    factsIndexMb10k: heapMb10k,
  };
}

function describePairs(pairs: readonly Passage[]): string {
  const sentences = new Set(pairs.map((p) => p.page.start)).size;
  const dispatches = new Set(pairs.map((p) => p.dispatch)).size;
  return `${pairs.length} same-fact pair(s): ${sentences} page sentence(s) with ${dispatches} dispatch(es)`;
}
