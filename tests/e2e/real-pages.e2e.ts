import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RUNS_PER_MINUTE } from '../../entrypoints/content/limits';
import { contentScriptMs, recoupeHighlightSizes, tabRuns, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

const PARALLEL = 4;
const PAGE_TIMEOUT_MS = 15_000;
/** Kept open after the run settles, long enough for a growth re-run (one quiet second) and more. */
const HOLD_MS = 1_500;

interface PageRun {
  page: string;
  state: string;
  /** From the page's load event to the background hearing how the run ended (see contentScriptMs). */
  ms: number | null;
  highlights: number;
  /** Runs the background heard from this page's tab (a first run, then re-runs on growth). */
  runs: number;
  errors: string[];
}

const fromExtension = (e: Error) => `${e.stack ?? ''}\n${e.message}`.includes('chrome-extension://');

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const tests: E2eTest[] = [
  {
    name: 'every saved real page: content script settles, no error, no highlight; time per page recorded',
    timeoutMs: 210_000,
    async run(t) {
      // The saved pages' own scripts fail offline; only errors thrown by the extension count.
      t.allowPageErrors((e) => !fromExtension(e));
      t.allowDialogs((url) => url.includes('/real/'));
      const names = readdirSync(t.realPagesDir).filter((f) => f.endsWith('.html')).sort();
      const runs: PageRun[] = [];

      const runOne = async (name: string): Promise<PageRun> => {
        const page: Page = await t.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => {
          if (fromExtension(e)) errors.push(e.message);
        });
        try {
          await page.goto(`${t.server.origin}/real/${name}`, { waitUntil: 'domcontentloaded', timeout: PAGE_TIMEOUT_MS });
          const state = await waitForRecoupe(page, PAGE_TIMEOUT_MS).catch((e: Error) => `timeout: ${e.message}`);
          const ms = await contentScriptMs(page);
          await page.waitForTimeout(HOLD_MS);
          const highlights = Object.values(await recoupeHighlightSizes(page)).reduce((a, b) => a + b, 0);
          const heard = (await tabRuns(page)).runs ?? 0;
          return { page: name, state, ms, highlights, runs: heard, errors };
        } catch (e) {
          return { page: name, state: `failed: ${(e as Error).message.split('\n')[0]}`, ms: null, highlights: 0, runs: 0, errors };
        } finally {
          await page.close().catch(() => undefined);
        }
      };

      const queue = [...names];
      let neverStarted = 0;
      const worker = async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
          const run = await runOne(name);
          runs.push(run);
          if (run.state.includes('(state=unknown)')) neverStarted++;
          // A content script that never runs would make every page wait its full timeout.
          if (neverStarted >= PARALLEL && runs.length === neverStarted) queue.length = 0;
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      runs.sort((a, b) => a.page.localeCompare(b.page));

      const times = runs.map((r) => r.ms).filter((m): m is number => m != null).sort((a, b) => a - b);
      const summary = {
        pages: names.length,
        measured: times.length,
        medianMs: +percentile(times, 50).toFixed(2),
        p95Ms: +percentile(times, 95).toFixed(2),
        maxMs: +(times.at(-1) ?? NaN).toFixed(2),
        slowest: runs.filter((r) => r.ms != null).sort((a, b) => b.ms! - a.ms!).slice(0, 3).map((r) => `${r.page} ${r.ms!.toFixed(1)} ms`),
        runsPerPage: runs.reduce<Record<string, number>>((acc, r) => ((acc[r.runs] = (acc[r.runs] ?? 0) + 1), acc), {}),
        states: runs.reduce<Record<string, number>>((acc, r) => {
          const key = r.state.startsWith('timeout') ? 'timeout' : r.state.startsWith('failed') ? 'failed' : r.state;
          acc[key] = (acc[key] ?? 0) + 1;
          return acc;
        }, {}),
      };
      writeFileSync(join(t.artifactsDir, 'real-pages-timing.json'), JSON.stringify({ summary, runs }, null, 2) + '\n');
      t.log(
        `real pages: ${summary.pages} pages, content script median ${summary.medianMs} ms, p95 ${summary.p95Ms} ms, max ${summary.maxMs} ms (${summary.measured} measured, from the load event to the background hearing the end); states ${JSON.stringify(summary.states)}; pages by runs heard ${JSON.stringify(summary.runsPerPage)}`,
      );
      t.log(`slowest: ${summary.slowest.join(', ')}; details in tests/artifacts/real-pages-timing.json`);

      const problems: string[] = [];
      if (runs.length < names.length) problems.push(`stopped after ${runs.length} of ${names.length} pages: the content script never reported to the background`);
      for (const r of runs) {
        if (r.state !== 'done' && r.state !== 'no-article') problems.push(`${r.page}: ${r.state.slice(0, 160)}`);
        if (r.errors.length) problems.push(`${r.page}: extension error ${r.errors.join(' | ').slice(0, 200)}`);
        if (r.runs > 1 + RUNS_PER_MINUTE) problems.push(`${r.page}: read ${r.runs} times in a few seconds`);
        if (r.highlights) problems.push(`${r.page}: ${r.highlights} highlight(s) on a page sharing no text with the corpus`);
        if (r.ms == null && !r.state.startsWith('timeout') && !r.state.startsWith('failed')) problems.push(`${r.page}: no time from its load event to the end of the run`);
      }
      if (problems.length) throw new Error(`${problems.length} problem(s): ${problems.slice(0, 12).join('; ')}`);
    },
  },
];
