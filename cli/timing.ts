export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  /** Mean CPU time of this process per run: less sensitive than wall time to other processes on a busy machine. */
  cpuMs: number;
  runs: number;
}

/**
 * Median wall time of `fn` after warm-up runs (JIT, caches). Runs at least `minRuns` times and
 * keeps going until `minMs` of measuring have passed, so sub-millisecond work is measured many times.
 */
export function timeRuns(fn: () => unknown, { warmup = 5, minRuns = 20, minMs = 300, maxRuns = 2000 } = {}): Timing {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink ^= fn() === undefined ? 0 : 1;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - t0 < minMs)) {
    const start = performance.now();
    sink ^= fn() === undefined ? 0 : 1;
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  if (sink === 2) throw new Error('unreachable');
  const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
  return { medianMs: median(times), minMs: Math.min(...times), cpuMs, runs: times.length };
}
