import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { extractArticleSliced, type NextSlice } from './sliced';
import { pieceProblems } from './test-helpers';
import type { ExtractedArticle } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const dirs = [join(here, '../../shared/real-pages'), join(here, '../tests/fixtures/pages')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.html')).sort().map((f) => join(d, f)));
const docOf = (html: string): Document => parseHTML(html).document as unknown as Document;

/** A scheduler that always yields to the event loop and grants no idle time: one step per slice. */
function stingyScheduler(): { nextSlice: NextSlice; yields: () => number } {
  let yields = 0;
  return {
    nextSlice: async () => {
      yields++;
      await new Promise((resolve) => setImmediate(resolve));
      return { timeRemaining: () => 0 };
    },
    yields: () => yields,
  };
}

/** Same text, title, word count, truncation flag, and pieces pointing at the very same nodes and offsets. */
function differences(a: ExtractedArticle | null, b: ExtractedArticle | null): string[] {
  if (!a || !b) return a === b ? [] : [`one is null: ${!a} vs ${!b}`];
  const out: string[] = [];
  for (const key of ['title', 'text', 'words', 'truncated'] as const) if (a[key] !== b[key]) out.push(`${key} differs`);
  if (a.pieces.length !== b.pieces.length) out.push(`${a.pieces.length} vs ${b.pieces.length} pieces`);
  const i = a.pieces.findIndex((p, k) => {
    const q = b.pieces[k];
    return !q || p.node !== q.node || p.nodeStart !== q.nodeStart || p.nodeEnd !== q.nodeEnd || p.textStart !== q.textStart;
  });
  if (i >= 0) out.push(`piece ${i} differs`);
  return out;
}

describe('extractArticleSliced', () => {
  it('finds the real and fixture pages', () => {
    expect(files.length).toBeGreaterThan(110);
  });

  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s: same article as extractArticle, in many slices', async (_name, file) => {
    const doc = docOf(readFileSync(file, 'utf8'));
    for (const maxChars of [200_000, 2_000]) {
      const sync = extractArticle(doc, { maxChars });
      const s = stingyScheduler();
      const sliced = await extractArticleSliced(doc, { maxChars, nextSlice: s.nextSlice });
      expect(differences(sliced, sync)).toEqual([]);
      expect(s.yields()).toBeGreaterThan(0);
    }
  });

  const para = '<p>The council approved the <a href="#">budget</a> after a <em>long</em> debate, with several amendments, on Tuesday evening.</p>';
  const bigPage = `<!doctype html><html><head><title>Big</title></head><body><nav><a href="/">Home</a></nav><article><h1>Budget</h1>${para.repeat(8_000)}</article></body></html>`;

  it('yields to the page all along a large document', async () => {
    const doc = docOf(bigPage);
    const nodes = doc.querySelectorAll('*').length;
    const s = stingyScheduler();
    const a = await extractArticleSliced(doc, { maxChars: 200_000, nextSlice: s.nextSlice });
    expect(differences(a, extractArticle(doc, { maxChars: 200_000 }))).toEqual([]);
    // Elements and text nodes, once to measure and once to lay out: a pause every few hundred.
    expect(s.yields()).toBeGreaterThan(nodes / 512);
    console.log(`sliced extraction of ${nodes} elements: ${s.yields()} yields`);
  }, 60_000);

  it('keeps each slice short with the default budget, and stops at maxChars saying so', async () => {
    const doc = docOf(bigPage);
    // CPU time, not wall time: a shared test machine preempts the process in the middle of a slice.
    const cpuMs = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    // A collection of the whole heap, or another process, can land in any one slice: the longest
    // slice counts as the smallest of three runs' longest, each run slicing the same page.
    const runs: number[][] = [];
    for (let run = 0; run < 3; run++) {
      const slices: number[] = [];
      let resumed = 0;
      const nextSlice: NextSlice = async () => {
        if (resumed) slices.push(cpuMs() - resumed);
        await new Promise((resolve) => setTimeout(resolve, 0));
        resumed = cpuMs();
      };
      const a = await extractArticleSliced(doc, { maxChars: 50_000, nextSlice });
      slices.push(cpuMs() - resumed);
      expect(a!.truncated).toBe(true);
      expect(a!.text.length).toBeLessThanOrEqual(50_000);
      expect(pieceProblems(a!)).toEqual([]);
      runs.push(slices);
    }
    const longest = Math.min(...runs.map((slices) => Math.max(...slices)));
    console.log(`default slices (linkedom): ${runs.map((r) => r.length).join('/')} slices, longest ${longest.toFixed(1)} ms of CPU (best of 3 runs)`);
    // How many slices depends on the machine's speed (and on how fast counting words is): more than one says it was sliced.
    for (const slices of runs) expect(slices.length).toBeGreaterThanOrEqual(2);
    // 8 ms of budget plus one step; generous for a loaded test machine, far below the unsliced run.
    expect(longest).toBeLessThan(60);
  }, 60_000);

  it('runs its first slice in an idle period the caller already waited for, and its budget', async () => {
    const doc = docOf(bigPage);
    const waits: number[] = [];
    // No idle time in any period: one step per slice, so the count of waits is the count of steps.
    const nextSlice: NextSlice = async () => {
      waits.push(1);
      return { timeRemaining: () => 0 };
    };
    const first = await extractArticleSliced(doc, { maxChars: 200_000, nextSlice, current: { deadline: { timeRemaining: () => 0 }, at: performance.now() } });
    const waitedWith = waits.length;
    waits.length = 0;
    const plain = await extractArticleSliced(doc, { maxChars: 200_000, nextSlice });
    expect(differences(first, plain)).toEqual([]);
    // One step in the period handed over instead of a wait for it, then the same slices.
    expect(waitedWith).toBeGreaterThan(0);
    expect(waitedWith).toBe(waits.length - 1);
  }, 60_000);

  it('ends its first slice\'s budget counting from when the caller\'s idle period began', async () => {
    const doc = docOf(bigPage);
    let waits = 0;
    const nextSlice: NextSlice = async () => {
      waits++;
      return { timeRemaining: () => 0 };
    };
    // A generous period whose budget the caller's own work already used up: one step, then the page's slices.
    const late = await extractArticleSliced(doc, { maxChars: 200_000, nextSlice, current: { deadline: { timeRemaining: () => 50 }, at: performance.now() - 1_000 } });
    const lateWaits = waits;
    waits = 0;
    await extractArticleSliced(doc, { maxChars: 200_000, nextSlice, current: { deadline: { timeRemaining: () => 0 }, at: performance.now() } });
    expect(late).not.toBeNull();
    expect(lateWaits).toBe(waits);
  }, 60_000);

  it('stops between slices when aborted', async () => {
    const doc = docOf(bigPage);
    const controller = new AbortController();
    let slices = 0;
    const nextSlice: NextSlice = async () => {
      if (++slices === 3) controller.abort();
      return { timeRemaining: () => 0 };
    };
    await expect(extractArticleSliced(doc, { nextSlice, signal: controller.signal })).rejects.toThrow();
    expect(slices).toBe(3);
  });
});
