import { median, percentile, sum } from './stats';

/** One extension build's figures on one page (medians over the runs where it says so). */
export interface ExtPageFigures {
  /** Median main-thread task time with the extension (ms). */
  taskMs: number;
  /** Median script time (ScriptDuration) with the extension (ms). */
  scriptMs: number;
  /** Median main-thread task time with the extension minus the same without it (ms). */
  addedMs: number;
  /** Longest main-thread task in which the extension's code ran (ms), from the traced load. */
  longestTaskMs: number;
  /** Thread time of the main-thread tasks that ran the extension's code (ms), from the traced load. */
  ownMs: number;
  /** Time the profiler caught inside extension code (ms), from the traced load. */
  extScriptMs: number;
  /** Bytes of extension script the page evaluated, and which scripts. */
  extBytes: number;
  extScripts: string[];
  /** Ranges in the page's `recoupe-*` highlights (0: nothing found). */
  highlights: number;
  /** Counted loads read while the content script was still matching (its work not all counted). */
  unsettledLoads: number;
}

export interface PageFigures {
  page: string;
  /** Median main-thread task time without any extension (ms). */
  withoutMs: number;
  /** Median script time (ScriptDuration) without any extension (ms). */
  withoutScriptMs: number;
  /** Per extension build, in the order of the run's builds. */
  ext: ExtPageFigures[];
  /** How long after the load event every load of this page was read (ms). */
  windowMs: number;
  error?: string;
}

/** The figures judged against the targets, for one extension build over the whole run. */
export interface RunFigures {
  sumWithoutMs: number;
  sumWithMs: number;
  overheadPct: number;
  /** Pages where nothing was highlighted: the cost every page pays. */
  noMatchPages: number;
  addedMsMedian: number;
  addedMsP95: number;
  /** Thread time of Recoupe's own tasks in the traced loads: median over the no-match pages, and sum over all pages (ms). */
  ownMsMedian: number;
  ownMsSum: number;
  longestTaskMs: number;
  longestTaskPage: string;
  bootstrapGzKb: number;
}

/** Totals over pages measured both ways (a page that failed in either is left out of both sums). */
export function runFigures(pages: readonly PageFigures[], build: number, bootstrapGzKb: number): RunFigures {
  const measured = pages.filter((p) => Number.isFinite(p.withoutMs) && Number.isFinite(p.ext[build]?.taskMs));
  const sumWithoutMs = sum(measured.map((p) => p.withoutMs));
  const sumWithMs = sum(measured.map((p) => p.ext[build].taskMs));
  const noMatchPages = measured.filter((p) => p.ext[build].highlights === 0);
  const noMatch = noMatchPages.map((p) => p.ext[build].addedMs);
  let longestTaskMs = 0;
  let longestTaskPage = '';
  for (const p of pages) {
    const t = p.ext[build]?.longestTaskMs ?? 0;
    if (t > longestTaskMs) [longestTaskMs, longestTaskPage] = [t, p.page];
  }
  return {
    sumWithoutMs,
    sumWithMs,
    overheadPct: sumWithoutMs > 0 ? (100 * (sumWithMs - sumWithoutMs)) / sumWithoutMs : NaN,
    noMatchPages: noMatch.length,
    addedMsMedian: median(noMatch),
    addedMsP95: percentile(noMatch, 95),
    ownMsMedian: median(noMatchPages.map((p) => p.ext[build].ownMs)),
    ownMsSum: sum(measured.map((p) => p.ext[build].ownMs)),
    longestTaskMs,
    longestTaskPage,
    bootstrapGzKb,
  };
}

export interface TargetCheck {
  label: string;
  value: string;
  target: string;
  pass: boolean;
}

const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

export function checkTargets(r: RunFigures): TargetCheck[] {
  return [
    { label: 'total overhead, all pages', value: `${f(r.overheadPct)} %`, target: '< 5 %', pass: r.overheadPct < 5 },
    { label: `added ms, median of ${r.noMatchPages} no-match pages`, value: `${f(r.addedMsMedian)} ms`, target: '< 5 ms', pass: r.addedMsMedian < 5 },
    {
      label: 'longest Recoupe task, any page',
      value: `${f(r.longestTaskMs)} ms`,
      target: '<= 50 ms',
      pass: r.longestTaskMs <= 50,
    },
    { label: 'registered content scripts, gzip -9', value: `${f(r.bootstrapGzKb, 2)} KB`, target: '< 8 KB', pass: r.bootstrapGzKb < 8 },
  ];
}

export function targetLines(checks: readonly TargetCheck[]): string[] {
  const w = Math.max(...checks.map((c) => c.label.length));
  const v = Math.max(...checks.map((c) => c.value.length));
  return checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.label.padEnd(w)}  ${c.value.padStart(v)}   target ${c.target}`);
}

/** The one machine-readable line the benchmark ends with. */
export function summaryLine(r: RunFigures): string {
  return `bench-pages: overhead_pct=${f(r.overheadPct)} added_ms_median=${f(r.addedMsMedian)} added_ms_p95=${f(r.addedMsP95)} bootstrap_gz_kb=${f(r.bootstrapGzKb, 2)}`;
}

/** What an empty content script cost the same pages in the same run, beside one build's figures. */
export interface FloorFigures {
  overheadPct: number;
  /** Median and p95 of the floor's added ms over the pages where the build found nothing. */
  addedMsMedian: number;
  addedMsP95: number;
}

export function floorFigures(pages: readonly PageFigures[], build: number, floor: number): FloorFigures {
  const measured = pages.filter((p) => Number.isFinite(p.withoutMs) && Number.isFinite(p.ext[build]?.taskMs) && Number.isFinite(p.ext[floor]?.taskMs));
  const sumWithoutMs = sum(measured.map((p) => p.withoutMs));
  const added = measured.filter((p) => p.ext[build].highlights === 0).map((p) => p.ext[floor].addedMs);
  return {
    overheadPct: sumWithoutMs > 0 ? (100 * (sum(measured.map((p) => p.ext[floor].taskMs)) - sumWithoutMs)) / sumWithoutMs : NaN,
    addedMsMedian: median(added),
    addedMsP95: percentile(added, 95),
  };
}

/** One floor build's figures beside a build's, named by the floor's label. */
export function floorLine(label: string, fl: FloorFigures): string {
  return `  ${label} on the same pages, same run: overhead ${f(fl.overheadPct)} %, added ms on the same no-match pages median ${f(fl.addedMsMedian)}, p95 ${f(fl.addedMsP95)}`;
}
