/** The figures the benchmark reports against its targets. */
export interface BenchFigures {
  ms10k: number;
  ratioVsNaive10k: number;
  growth1kTo10k: number;
  indexMb10k: number;
  buildMsPer1k1k: number;
  buildMsPer1k10k: number;
  limitRatio: number;
  /** Sum over the content scripts a page loads; NaN when none is built. */
  contentGzKb: number;
  /** Same-fact alignment (alignFacts) of the page against 10,000 dispatches. */
  factsMs10k: number;
  /** The page's whole alignment at 10,000: text match, then same facts with their hints. */
  wholeMs10k: number;
}

export interface TargetCheck {
  label: string;
  value: string;
  target: string;
  pass: boolean;
}

const f = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');

export function checkTargets(b: BenchFigures): TargetCheck[] {
  return [
    { label: 'match, 10,000 dispatches', value: `${f(b.ms10k, 3)} ms/page`, target: '< 10 ms', pass: b.ms10k < 10 },
    { label: 'speed-up vs naive, 10,000', value: `${f(b.ratioVsNaive10k, 0)}x`, target: '>= 1000x', pass: b.ratioVsNaive10k >= 1000 },
    { label: 'growth 1,000 → 10,000', value: `${f(b.growth1kTo10k)}x`, target: '< 1.5x', pass: b.growth1kTo10k < 1.5 },
    { label: 'index memory, 10,000', value: `${f(b.indexMb10k, 1)} MB`, target: '< 40 MB', pass: b.indexMb10k < 40 },
    { label: 'index build, 1,000', value: `${f(b.buildMsPer1k1k, 0)} ms per 1,000`, target: '< 1000 ms', pass: b.buildMsPer1k1k < 1000 },
    { label: 'index build, 10,000', value: `${f(b.buildMsPer1k10k, 0)} ms per 1,000`, target: '< 1000 ms', pass: b.buildMsPer1k10k < 1000 },
    { label: 'limit ratio (match / bare pass)', value: `${f(b.limitRatio, 1)}x`, target: '<= 20x', pass: b.limitRatio <= 20 },
    { label: 'content scripts, gzip -9', value: `${f(b.contentGzKb, 1)} KB`, target: '< 30 KB', pass: b.contentGzKb < 30 },
    // Same-fact alignment may add 30 ms to the text match's 10 ms budget.
    { label: 'same-fact alignment, 10,000', value: `${f(b.factsMs10k, 3)} ms/page`, target: '< 30 ms', pass: b.factsMs10k < 30 },
    { label: 'text + same facts + hints, 10,000', value: `${f(b.wholeMs10k, 3)} ms/page`, target: '< 40 ms', pass: b.wholeMs10k < 40 },
  ];
}

export function targetLines(checks: readonly TargetCheck[]): string[] {
  const w = Math.max(...checks.map((c) => c.label.length));
  const v = Math.max(...checks.map((c) => c.value.length));
  return checks.map((c) => `  ${c.pass ? 'PASS' : 'MISS'}  ${c.label.padEnd(w)}  ${c.value.padStart(v)}   target ${c.target}`);
}

/** Segmented indexes at one corpus size, on the layout the worker holds (see bench-segments.ts). */
export interface SegmentTargetFigures {
  size: number;
  /** Adding one dispatch (its segment built, stored as a blob and read back, new views), ms of worker time. */
  addMs: number;
  removeMs: number;
  matchMs: number;
  /** Same-fact alignment of a page the view has not aligned before (median of several, CPU ms). */
  factsMs: number;
  memoryMb: number;
}

/** Writes at every size; match, same facts and memory at 100,000, where they are checked. */
export function checkSegmentTargets(s: SegmentTargetFigures): TargetCheck[] {
  const at = s.size.toLocaleString('en-US');
  const checks: TargetCheck[] = [
    { label: `segments: add one dispatch, ${at}`, value: `${f(s.addMs)} ms`, target: '< 50 ms', pass: s.addMs < 50 },
    { label: `segments: remove one dispatch, ${at}`, value: `${f(s.removeMs)} ms`, target: '< 50 ms', pass: s.removeMs < 50 },
  ];
  if (s.size < 100_000) return checks;
  return [
    ...checks,
    { label: `segments: match one page, ${at}`, value: `${f(s.matchMs, 3)} ms/page`, target: '< 15 ms', pass: s.matchMs < 15 },
    { label: `segments: same-fact alignment of a new page, ${at}`, value: `${f(s.factsMs, 3)} ms/page`, target: '< 40 ms', pass: s.factsMs < 40 },
    { label: `segments: worker memory, ${at}`, value: `${f(s.memoryMb, 1)} MB`, target: '< 150 MB', pass: s.memoryMb < 150 },
  ];
}

/** The one machine-readable line the benchmark ends with; the 100,000 fields read n/a when that size was skipped. */
export function summaryLine(b: BenchFigures, s100k?: SegmentTargetFigures): string {
  return (
    `bench: ratio_vs_naive_10k=${f(b.ratioVsNaive10k, 0)} ms_10k=${f(b.ms10k, 3)} ` +
    `growth_1k_to_10k=${f(b.growth1kTo10k)} index_mb_10k=${f(b.indexMb10k, 1)} ` +
    `limit_ratio=${f(b.limitRatio, 1)} content_gz_kb=${f(b.contentGzKb, 1)} facts_ms_10k=${f(b.factsMs10k, 3)} ` +
    `add_ms_100k=${f(s100k?.addMs ?? NaN)} match_ms_100k=${f(s100k?.matchMs ?? NaN, 3)} ` +
    `facts_ms_100k=${f(s100k?.factsMs ?? NaN, 3)} mem_mb_100k=${f(s100k?.memoryMb ?? NaN, 1)}`
  );
}
