import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { bundledCorpus } from '../corpus/bundled';
import { buildIndex, candidateIds, dispatchText, match, type CorpusIndex, type MatchResult } from '../engine/index';
import { extractFromHtml } from '../extract/from-html';
import { barePass } from './bare-pass';
import { parseBenchArgs, type BenchSection } from './bench-args';
import { benchFacts, type FactsBenchFigures } from './bench-facts';
import { unseenPages } from './bench-hosts';
import { benchSegments } from './bench-segments';
import { buildBenchPage } from './bench-page';
import { checkSegmentTargets, checkTargets, summaryLine, targetLines, type BenchFigures } from './bench-targets';
import { contentScriptSizes, ensureBuilt } from './content-size';
import { naiveMsPerDispatch, type NaiveMode } from './naive-baseline';
import { makeRng, sample } from './prng';
import { readRealPages, realTextFrom } from './real-text';
import { describeSynthetic, holdOut, syntheticCorpus, syntheticDefaults, type TextDoc } from './synthetic-corpus';
import { median, timeInterleaved, type Timing } from './timing';

const root = join(import.meta.dirname, '..');
const realPagesDir = join(root, '..', 'shared', 'real-pages');
const outputDir = join(root, '.output', 'chrome-mv3');
const SEED = 2026;
const NAIVE_WORD_SAMPLE = 200;
const NAIVE_CHAR_SAMPLE = 8;
const PAGE_WORDS = 1_500;
const HELD_OUT_SENTENCES = 150;

const log = (s = '') => console.log(s);
const ms = (x: number, digits = 3) => `${x.toFixed(digits)} ms`;
const int = (n: number) => n.toLocaleString('en-US');
const started = performance.now();
/**
 * The whole bench stays under this many minutes (10 by default): a corpus size whose builds would
 * go past it is skipped. `--budget-min N` gives a loaded machine, where building is several times
 * slower, the time to measure 100,000 dispatches all the same; `--sizes` and `--skip` leave out
 * what is not being looked at (see bench-args.ts).
 */
const args = parseBenchArgs(process.argv.slice(2));
const budgetMinutes = args.budgetMinutes;
/** Seconds each section took, printed at the end: what makes the run long. */
const sectionSeconds: [string, number][] = [];
let sectionStart = performance.now();
const section = (name: string) => {
  const now = performance.now();
  sectionSeconds.push([name, (now - sectionStart) / 1000]);
  sectionStart = now;
};
const skipped = (name: BenchSection, what: string) => {
  const skip = args.skip.has(name);
  if (skip) log(`  SKIPPED (--skip ${name}): ${what}`);
  return skip;
};
const gc = (globalThis as { gc?: () => void }).gc;

function heapBytes(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

function indexBytes(index: CorpusIndex): number {
  const arrays = [index.keys, index.offsets, index.postDoc, index.postPos, index.docWords];
  return arrays.reduce((n, a) => n + a.byteLength, 0);
}

function timeBuild(docs: readonly TextDoc[], times: number): number {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    buildIndex(docs);
    runs.push(performance.now() - t);
  }
  return median(runs);
}

/** For each spliced passage whose dispatch is in the corpus: the kind of the passage found on it, or "missed". */
function splicedFound(result: MatchResult, index: CorpusIndex): string {
  return page.spliced
    .filter((p) => index.ids.includes(p.dispatch))
    .map((p) => {
      const start = page.text.indexOf(p.text);
      const end = start + p.text.length;
      const hit = result.passages.find((x) => x.dispatch === p.dispatch && x.page.start < end && x.page.end > start);
      return `${p.dispatch} ${hit ? hit.kind : 'MISSED'}`;
    })
    .join(', ');
}

// Timings on a busy machine are slower and noisier: say how busy it was.
const load = () => loadavg()[0].toFixed(2);
log(`Recoupe benchmark · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · load average ${load()}`);
if (!gc) log('warning: run with --expose-gc (npm run bench does) for the memory figure');

// (a) Real text: the saved pages' article text, through the content script's extraction, and the seeds.
let t = performance.now();
const pages = readRealPages(realPagesDir, extractFromHtml);
const seeds: TextDoc[] = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d) }));
// The page's host articles are held out of the corpus text, so that what the page shares with the
// corpus is the spliced passages (and whatever they share), not every sentence of the page.
const pageText = realTextFrom(pages.articles);
const hosts: typeof pageText.articles = [];
for (let words = 0; words < PAGE_WORDS && hosts.length < pageText.articles.length; ) {
  const article = pageText.articles[hosts.length];
  hosts.push(article);
  words += article.words;
}
const hostNames = new Set(hosts.map((a) => a.name));
// The seeds are dispatches of every corpus, not sentences of the pool: the page's seed passage is then
// found in the seed alone, as the other spliced passages are found in their donors alone.
const real = realTextFrom(pages.articles.filter((a) => !hostNames.has(a.name)));
log();
log('Real text');
log(
  `  ${pages.articles.length} article texts from ${realPagesDir} (${pages.skipped} pages not article-like, skipped) ` +
    `(${ms(performance.now() - t, 0)})`,
);
log(`  page host text: ${hosts.map((a) => `${a.name} (${int(a.words)} words)`).join(', ')}, held out of the corpus text`);
log(`  corpus text: ${int(real.sentences.length)} sentences, ${int(real.words)} words, ${int(real.vocabulary.length)} distinct words`);

// (b) Synthetic corpora. The sentences of the two donor dispatches, whose passages the page takes,
// are held out of the pool the others are drawn from: the page's passages are then in the same
// dispatches at every corpus size, and growth from 1,000 to 10,000 measures the engine, not a
// growing number of true matches. The seeds and donors are in every corpus.
t = performance.now();
const split = holdOut(real, HELD_OUT_SENTENCES, makeRng(SEED + 3));
const donorDocs = syntheticCorpus(split.held, { count: 2, seed: SEED + 4 }).map((d, i) => ({ ...d, id: `donor-${i + 1}` }));
const fixed = [...seeds, ...donorDocs];
const synthetic = syntheticCorpus(split.pool, { count: 10_000 - fixed.length, seed: SEED });
const corpora = new Map<number, TextDoc[]>([
  [5, seeds],
  [1_000, [...fixed, ...synthetic.slice(0, 1_000 - fixed.length)]],
  [10_000, [...fixed, ...synthetic]],
]);
const synthWords = synthetic.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
log();
log('Corpora');
log(`  5 = the five seed dispatches; 1,000 and 10,000 = the 5 seeds + 2 donor dispatches + synthetic dispatches (the 1,000 are the first of the 10,000)`);
log(`  synthetic: ${describeSynthetic(split.pool, syntheticDefaults)}`);
log(`  donors: the same, drawn from ${split.held.sentences.length} real sentences held out of that pool`);
log(`  ${int(synthetic.length)} synthetic dispatches, ${int(Math.round(synthWords / synthetic.length))} words on average, generated in ${ms(performance.now() - t, 0)}`);
const recurrence = synthWords / (real.words / real.sentences.length) / real.sentences.length;
log(
  `  each pool sentence recurs, mutated, in about ${recurrence.toFixed(0)} of the 10,000 dispatches; ` +
    `a syndicated page, whose passages recur like that, is measured separately below`,
);

// (c) The page: real article text with passages of three corpus dispatches spliced in.
const rng = makeRng(SEED + 1);
const donors = [rng.pick(seeds), ...donorDocs];
const page = buildBenchPage({ ...pageText, articles: hosts }, donors, rng, PAGE_WORDS);
log();
log('Page');
log(`  ${int(page.words)} words: article text of ${page.hosts.join(', ')} with 3 spliced passages:`);
for (const p of page.spliced) {
  log(`    ${p.dispatch}: ${p.text.split(/\s+/).length} words, ${p.edited ? 'one word changed' : 'verbatim'}`);
}

section('real text, corpora, page');

// (d, f, g) Index build, memory and match time per corpus size.
const texts = new Map<string, string>(corpora.get(10_000)!.map((d) => [d.id, d.text]));
const getText = (id: string) => texts.get(id);
const indexes = new Map<number, CorpusIndex>();
const buildMs = new Map<number, number>();
let indexMb10k = NaN;

for (const [size, docs] of corpora) {
  if (size === 10_000) {
    // Texts are already in memory: the difference is the index alone.
    const before = heapBytes();
    t = performance.now();
    const index = buildIndex(docs);
    const first = performance.now() - t;
    const after = heapBytes();
    indexes.set(size, index);
    indexMb10k = gc ? (after - before) / 2 ** 20 : NaN;
    buildMs.set(size, median([first, timeBuild(docs, 1), timeBuild(docs, 1)]));
    log();
    log('Index, 10,000 dispatches');
    log(
      `  heap + array buffers grew by ${indexMb10k.toFixed(1)} MB after gc (typed arrays alone ${(indexBytes(index) / 2 ** 20).toFixed(1)} MB, ` +
        `${int(index.keys.length)} keys, ${int(index.postDoc.length)} postings)`,
    );
  } else {
    indexes.set(size, buildIndex(docs));
    buildMs.set(size, timeBuild(docs, 3));
  }
}

log();
log('Index build (median of 3 builds)');
for (const [size, v] of buildMs) {
  // Per 1,000 is meaningless for 5 dispatches, where fixed costs dominate.
  const per1k = size >= 1_000 ? ` = ${ms((v / size) * 1000, 1)} per 1,000` : '';
  log(`  ${int(size).padStart(6)} dispatches: ${ms(v, 1)}${per1k}`);
}

// Match at every size, the bare pass and the lookup alone are timed in interleaved rounds, so
// that load from other processes weighs on each figure alike and the ratios between them hold.
const index10k = indexes.get(10_000)!;
const sizes = [...indexes.keys()];
const timings = timeInterleaved(
  [
    ...sizes.map((size) => () => match(page.text, indexes.get(size)!, getText)),
    () => barePass(page.text, index10k.k),
    () => candidateIds(page.text, index10k),
  ],
  { warmup: 5, minRuns: 30, minMs: 3000, maxRuns: 500 },
);
const matchTiming = new Map(sizes.map((size, i) => [size, timings[i]]));
const bare = timings[sizes.length];
const lookup = timings[sizes.length + 1];
const matchMs = new Map(sizes.map((size) => [size, matchTiming.get(size)!.medianMs]));
const timingText = (x: Timing) => `median ${ms(x.medianMs)} (min ${ms(x.minMs)}, cpu ${ms(x.cpuMs)}/run)`;

log();
log(`Match one page (everything match() does: tokenising the page included; texts from an in-memory Map; ${bare.runs} runs each)`);
for (const [size, index] of indexes) {
  const result = match(page.text, index, getText);
  log(
    `  ${int(size).padStart(6)} dispatches: ${timingText(matchTiming.get(size)!)}; ` +
      `${result.passages.length} passage(s) of ${result.dispatches.length} dispatch(es); spliced: ${splicedFound(result, index)}`,
  );
}

section('text index and match');

// (e) Naive baseline: diff-match-patch of the page against every dispatch, sampled and scaled.
log();
log('Naive baseline: diff-match-patch diff_main of the page against every dispatch (Diff_Timeout 1 s)');
const skipNaive = skipped('naive', 'the diff-match-patch baseline (the speed-up targets read n/a)');
const naiveRng = makeRng(SEED + 2);
const wordSample = sample(corpora.get(10_000)!, NAIVE_WORD_SAMPLE, naiveRng).map((d) => d.text);
const charSample = wordSample.slice(0, NAIVE_CHAR_SAMPLE);
if (!skipNaive) naiveMsPerDispatch('word', page.text, wordSample.slice(0, 5));
t = performance.now();
const perDispatch: Record<NaiveMode, number> = skipNaive
  ? { word: NaN, char: NaN }
  : {
      word: naiveMsPerDispatch('word', page.text, wordSample),
      char: naiveMsPerDispatch('char', page.text, charSample),
    };
const naiveMode: NaiveMode = perDispatch.word <= perDispatch.char ? 'word' : 'char';
const naiveSeeds = skipNaive ? NaN : naiveMsPerDispatch(naiveMode, page.text, seeds.map((s) => s.text)) * seeds.length;
const naiveMs = (size: number) => (size === 5 ? naiveSeeds : perDispatch[naiveMode] * size);
if (!skipNaive) {
  log(`  word mode (each word one character, as diff_linesToChars_ does for lines): ${ms(perDispatch.word, 2)} per dispatch, mean of a random sample of ${wordSample.length}`);
  log(`  character mode: ${ms(perDispatch.char, 2)} per dispatch, mean of a random sample of ${charSample.length}`);
  if (perDispatch.char >= 900) {
    log('  (character mode runs into Diff_Timeout: its diffs are cut short at 1 s, so this understates its cost)');
  }
  log(`  faster: ${naiveMode} mode. 1,000 and 10,000 are that sample's mean SCALED LINEARLY to the corpus size; 5 is timed in full (${ms(performance.now() - t, 0)} spent)`);
  log();
  log('  dispatches   engine ms/page   naive ms/page      speed-up');
  for (const size of corpora.keys()) {
    const e = matchMs.get(size)!;
    const n = naiveMs(size);
    log(`  ${int(size).padStart(10)}   ${e.toFixed(3).padStart(14)}   ${n.toFixed(1).padStart(13)}${size === 5 ? ' ' : '*'}  ${int(Math.round(n / e)).padStart(10)}x`);
  }
  log('  * sampled and scaled');
}

section('naive baseline');

// (h) Limit ratio: match against the floor of tokenising and hashing the page.
const limitRatio = matchMs.get(10_000)! / bare.medianMs;
log();
log(`Bare pass (tokenise + fold + FNV-1a per word + ${index10k.k}-word n-gram hashes, engine code): ${timingText(bare)}`);
log(`  candidateIds at 10,000 (tokenise, hash, look up; no alignment): ${timingText(lookup)} = ${(lookup.medianMs / bare.medianMs).toFixed(1)}x the bare pass`);
for (const size of sizes) {
  log(`  match at ${int(size).padStart(6)} / bare pass = ${(matchMs.get(size)! / bare.medianMs).toFixed(1)}x`);
}
log(`  limit ratio (the figure checked below) = match at 10,000 / bare pass = ${limitRatio.toFixed(1)}x`);
log(`  the same by CPU time per run = ${(matchTiming.get(10_000)!.cpuMs / bare.cpuMs).toFixed(1)}x`);

// Syndicated page: passages taken from pool dispatches, whose sentences recur in dozens of others,
// as wire copy republished by many outlets does. The work then grows with the number of dispatches
// sharing each passage: printed for what it shows, not checked against the targets.
log();
if (!skipped('syndicated', 'the syndicated page (stress, no target)')) {
  const synRng = makeRng(SEED + 5);
  const synPage = buildBenchPage({ ...pageText, articles: hosts }, sample(synthetic.slice(0, 1_000), 3, synRng), synRng, PAGE_WORDS);
  const index = indexes.get(10_000)!;
  const [synMatch, synBare] = timeInterleaved(
    [() => match(synPage.text, index, getText), () => barePass(synPage.text, index.k)],
    { warmup: 5, minRuns: 30, minMs: 2000, maxRuns: 300 },
  );
  const synResult = match(synPage.text, index, getText);
  log('Syndicated page (stress, not a target): the 10,000 dispatches, and a page whose 3 passages come from pool dispatches');
  log(`  each passage's sentences recur, mutated, in about ${recurrence.toFixed(0)} dispatches: the work grows with them`);
  log(
    `  match: ${timingText(synMatch)}; ${synResult.passages.length} passage(s) of ${synResult.dispatches.length} dispatch(es) ` +
      `(at most 50 dispatches are aligned per page); ${(synMatch.medianMs / synBare.medianMs).toFixed(1)}x the bare pass`,
  );
}

// (k) Same-fact alignment of the same page against the same corpora, seeds with their dates and languages.
const seedMeta = new Map(bundledCorpus.map((d) => [d.id, { date: d.date, language: d.language }]));
section('bare pass, syndicated page');
const facts: FactsBenchFigures = skipped('facts', 'same-fact alignment at 5, 1,000 and 10,000 (its targets read n/a)')
  ? { factsMs10k: NaN, wholeMs10k: NaN, naiveMs10k: NaN, buildMs10k: NaN, factsIndexMb10k: NaN }
  : benchFacts({
      corpora: new Map([...corpora].map(([size, docs]) => [size, docs.map((d) => ({ ...d, ...seedMeta.get(d.id) }))])),
      textIndexes: indexes,
      getText,
      pageText: page.text,
      heapBytes,
      gcAvailable: gc !== undefined,
      naive: !skipNaive,
      log,
    });
if (!args.skip.has('facts')) {
  log(
    `  facts_ms_10k = ${ms(facts.factsMs10k)}; naive / alignFacts at 10,000 = ${Math.round(facts.naiveMs10k / facts.factsMs10k)}x; ` +
      `whole page (text + same facts + hints) ${ms(facts.wholeMs10k)}`,
  );
}

section('same-fact alignment');

// (l) Segmented indexes: adding and removing one dispatch beside the rebuild, at 10,000 and 100,000.
const withMeta = (docs: readonly TextDoc[]) => docs.map((d) => ({ ...d, ...seedMeta.get(d.id) }));
const segments = skipped('segments', 'segmented indexes at 10,000 and 100,000 (the 100,000 fields read n/a)')
  ? []
  : benchSegments({
      corpora: [
        { size: 10_000, docs: () => withMeta(corpora.get(10_000)!) },
        {
          size: 100_000,
          docs: () => [
            ...withMeta(corpora.get(10_000)!),
            ...syntheticCorpus(split.pool, { count: 90_000, seed: SEED + 9 }).map((d, i) => ({ ...d, id: `big-${String(i + 1).padStart(5, '0')}` })),
          ],
        },
      ].filter((c) => args.segmentSizes.includes(c.size)),
      rebuild: !args.skip.has('rebuild'),
      todayRebuildMs10k: buildMs.get(10_000)! + facts.buildMs10k,
      pageText: page.text,
      unseenPageTexts: unseenPages(pageText, hosts, seeds, donorDocs, PAGE_WORDS, SEED),
      heapBytes,
      gcAvailable: gc !== undefined,
      elapsedMs: () => performance.now() - started,
      budgetMs: budgetMinutes * 60_000,
      log,
    });
for (const size of [10_000, 100_000]) if (!args.segmentSizes.includes(size)) log(`  ${int(size)}: SKIPPED (--sizes)`);
section('segmented indexes');

// (i) Content script size.
ensureBuilt(root, outputDir, log);
const scripts = contentScriptSizes(outputDir);
log();
log(`Content scripts (${outputDir}, gzip level 9)`);
if (scripts.length === 0) log('  none built');
for (const s of scripts) log(`  ${s.file}: ${(s.bytes / 1024).toFixed(1)} KB, ${(s.gzipBytes / 1024).toFixed(1)} KB gzipped`);
const contentGzKb = scripts.length ? scripts.reduce((n, s) => n + s.gzipBytes, 0) / 1024 : NaN;

section('content scripts');

// (j) Targets.
const figures: BenchFigures = {
  ms10k: matchMs.get(10_000)!,
  ratioVsNaive10k: naiveMs(10_000) / matchMs.get(10_000)!,
  growth1kTo10k: matchMs.get(10_000)! / matchMs.get(1_000)!,
  indexMb10k,
  buildMsPer1k1k: buildMs.get(1_000)!,
  buildMsPer1k10k: buildMs.get(10_000)! / 10,
  limitRatio,
  contentGzKb,
  factsMs10k: facts.factsMs10k,
  wholeMs10k: facts.wholeMs10k,
};
log();
log(`Targets (whole benchmark took ${((performance.now() - started) / 1000).toFixed(1)} s; load average now ${load()})`);
for (const line of targetLines([...checkTargets(figures), ...segments.flatMap(checkSegmentTargets)])) log(line);
for (const s of segments) {
  if (!Number.isNaN(s.rebuildMs)) log(`  (at ${int(s.size)}: the full rebuild took ${Math.round(s.rebuildMs / s.addMs)}x the time of adding one dispatch)`);
}
log();
log(`Time per section: ${sectionSeconds.map(([name, sec]) => `${name} ${sec.toFixed(0)} s`).join(', ')}`);
log('  (--sizes 10000 leaves out 100,000 dispatches; --skip naive,syndicated,facts,segments,rebuild leaves out a section)');
log();
log(summaryLine(figures, segments.find((s) => s.size === 100_000)));
