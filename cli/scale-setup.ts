/**
 * What the scale benches that look at one index part (bench-facts-scale.ts, bench-match-scale.ts)
 * share with `npm run bench`: the corpora at 10,000 and more dispatches, the bench page, CPU time
 * and held memory, and CPU profiles written on request.
 */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCorpus } from '../corpus/bundled';
import { dispatchText, type FactsDoc } from '../engine/index';
import { extractFromHtml } from '../extract/from-html';
import { buildBenchPage } from './bench-page';
import { benchHosts } from './bench-hosts';
import { makeRng } from './prng';
import { readRealPages } from './real-text';
import { syntheticCorpus } from './synthetic-corpus';

export const SEED = 2026;
export const PAGE_WORDS = 1_500;
const HELD_OUT_SENTENCES = 150;
/** Dispatches added one by one (and as many removed) after the layout is built. */
export const ADDED = 12;

const gc = (globalThis as { gc?: () => void }).gc;
export const gcAvailable = gc !== undefined;

/** Heap and array buffers after two collections (run with --expose-gc for a figure worth reading). */
export function heldBytes(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** CPU time of the process while `fn` runs, in ms: what other jobs on the machine do not stretch. */
export function cpuMs(fn: () => unknown): number {
  const c = process.cpuUsage();
  fn();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1000;
}

/** Runs `fn` under the V8 profiler and writes DIR/NAME.cpuprofile when a directory is given. */
export function profilerIn(dir: string | null): <T>(name: string, fn: () => T) => Promise<T> {
  const session = dir ? new Session() : null;
  session?.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session!.post(method, (err, res) => (err ? reject(err) : resolve(res))));
  return async (name, fn) => {
    if (!session) return fn();
    await post('Profiler.enable');
    await post('Profiler.start');
    const out = fn();
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(join(dir!, `${name}.cpuprofile`), JSON.stringify(profile));
    return out;
  };
}

/** The saved real pages, their split into page hosts and pool, the bench page and the corpora, as `npm run bench` makes them. */
export function scaleCorpus(root: string) {
  const pages = readRealPages(join(root, '..', 'shared', 'real-pages'), extractFromHtml);
  const seeds: FactsDoc[] = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  const { pageText, hosts, split, donorDocs } = benchHosts(pages.articles, PAGE_WORDS, HELD_OUT_SENTENCES, SEED);
  const fixed: FactsDoc[] = [...seeds, ...donorDocs];
  const synthetic = syntheticCorpus(split.pool, { count: 10_000 - fixed.length, seed: SEED });
  const rng = makeRng(SEED + 1);
  const benchPage = buildBenchPage({ ...pageText, articles: hosts }, [rng.pick(seeds), ...donorDocs], rng, PAGE_WORDS).text;
  /** The corpus of `size` dispatches (10,000 or more): the one of 10,000, then further synthetic dispatches. */
  const corpus = (size: number): FactsDoc[] =>
    size === 10_000
      ? [...fixed, ...synthetic]
      : [
          ...fixed,
          ...synthetic,
          ...syntheticCorpus(split.pool, { count: size - 10_000, seed: SEED + 9 }).map((d, i) => ({ ...d, id: `big-${String(i + 1).padStart(5, '0')}` })),
        ];
  return { pages, seeds, pageText, hosts, donorDocs, benchPage, corpus };
}
