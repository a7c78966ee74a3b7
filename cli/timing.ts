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
 * Times several functions in rounds (each once per round, in turn), so that a burst of load
 * from other processes falls on all of them alike and their ratios stay meaningful.
 */
export function timeInterleaved(
  fns: readonly (() => unknown)[],
  { warmup = 5, minRuns = 20, minMs = 1000, maxRuns = 2000 } = {},
): Timing[] {
  let sink = 0;
  for (const fn of fns) for (let i = 0; i < warmup; i++) sink ^= fn() === undefined ? 0 : 1;
  const times: number[][] = fns.map(() => []);
  const cpuMicros = fns.map(() => 0);
  const t0 = performance.now();
  let rounds = 0;
  while (rounds < maxRuns && (rounds < minRuns || performance.now() - t0 < minMs)) {
    fns.forEach((fn, i) => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      sink ^= fn() === undefined ? 0 : 1;
      times[i].push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      cpuMicros[i] += used.user + used.system;
    });
    rounds++;
  }
  if (sink === 2) throw new Error('unreachable');
  return times.map((t, i) => ({ medianMs: median(t), minMs: Math.min(...t), cpuMs: cpuMicros[i] / 1000 / rounds, runs: rounds }));
}
