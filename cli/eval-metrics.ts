import type { Label } from './eval-set';

/** One evaluated pair as the engine saw it. */
export interface ScoredRow {
  label: Label;
  langPair: string;
  /** Best score alignFacts returned for the pair when run with no threshold; null when it returned none. */
  score: number | null;
}

export interface Metrics {
  threshold: number;
  /** SAME pairs returned / all pairs returned, PARTIAL pairs counted neither way. */
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Share of TOPIC pairs returned as same-fact. */
  topicRate: number;
  /** Share of PARTIAL pairs returned (reported, not counted). */
  partialRate: number;
  pairs: number;
}

const ratio = (a: number, b: number, empty = 1) => (b ? a / b : empty);

/** Same-fact decisions at `threshold`: a pair is returned when its score reaches it. */
export function metricsAt(rows: readonly ScoredRow[], threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let topic = 0;
  let topicReturned = 0;
  let partial = 0;
  let partialReturned = 0;
  for (const r of rows) {
    const returned = r.score !== null && r.score >= threshold;
    if (r.label === 'SAME') {
      if (returned) tp++;
      else fn++;
    } else if (r.label === 'PARTIAL') {
      partial++;
      if (returned) partialReturned++;
    } else {
      if (returned) fp++;
      if (r.label === 'TOPIC') {
        topic++;
        if (returned) topicReturned++;
      }
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return {
    threshold,
    precision,
    recall,
    f1,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    topicRate: ratio(topicReturned, topic, 0),
    partialRate: ratio(partialReturned, partial, 0),
    pairs: rows.length,
  };
}

/** Thresholds from `from` to `to` by `step`, rounded so that printed values are exact. */
export function thresholdSteps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let i = 0; from + i * step <= to + 1e-9; i++) out.push(Math.round((from + i * step) * 1000) / 1000);
  return out;
}

/**
 * The threshold to ship, chosen on `rows`: the lowest one that reaches `minPrecision` (the
 * highest recall at that precision); when none does, the one with the best F1.
 */
export function chooseThreshold(rows: readonly ScoredRow[], thresholds: readonly number[], minPrecision: number): Metrics {
  const all = thresholds.map((t) => metricsAt(rows, t));
  const ok = all.filter((m) => m.precision >= minPrecision && m.truePositives > 0);
  if (ok.length) return ok[0];
  return all.reduce((best, m) => (m.f1 > best.f1 ? m : best), all[0]);
}

/** Rows grouped by a key, in first-seen order. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export function formatMetrics(m: Metrics): string {
  const p = (x: number) => x.toFixed(3);
  return (
    `precision ${p(m.precision)} recall ${p(m.recall)} F1 ${p(m.f1)} ` +
    `(tp ${m.truePositives}, fp ${m.falsePositives}, fn ${m.falseNegatives}); ` +
    `TOPIC returned ${(m.topicRate * 100).toFixed(1)}%, PARTIAL returned ${(m.partialRate * 100).toFixed(1)}%`
  );
}
