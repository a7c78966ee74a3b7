import { SAME_FACT_THRESHOLD } from '../engine/index';
import { formatMetrics, groupBy, metricsAt, type ScoredRow } from './eval-metrics';
import { HOLDOUT_NAME, holdoutShortfalls, type StorySet } from './eval-holdout';
import { scorePairs, type PairOutcome } from './eval-score';
import { buildPairs, langPair } from './eval-set';

/**
 * The held-out section of `npm run eval`: set C scored in an index of its own (so that the figures
 * of halves A and B stay exactly what they were), at the aligner's shipped threshold and at the
 * one chosen on half A, overall and by language pair. Only aggregates are printed, never a pair.
 */
export function printHoldout(set: StorySet, chosenOnA: number): void {
  const pairs = buildPairs(set.sentences);
  const outcomes = scorePairs(set.sentences, pairs);
  const count = (label: string) => pairs.filter((p) => p.label === label).length;
  console.log();
  console.log(`Held-out ${HOLDOUT_NAME}: never used to choose anything (tests/eval/holdout; its errors are never listed)`);
  console.log(
    `  ${set.names.length} stories, ${new Set(set.sentences.map((s) => s.article)).size} articles, ${set.sentences.length} sentences, ${pairs.length} pairs ` +
      `(SAME ${count('SAME')}, PARTIAL ${count('PARTIAL')}, TOPIC ${count('TOPIC')}, UNRELATED ${count('UNRELATED')})`,
  );
  const shortfalls = holdoutShortfalls(set, pairs);
  if (shortfalls.length) console.log(`  below the counts it must hold: ${shortfalls.join('; ')}`);
  const decided = (list: readonly PairOutcome[]): ScoredRow[] => list.map((o) => ({ label: o.pair.label, langPair: langPair(o.pair), score: o.decided ? 1 : null }));
  const scored = (list: readonly PairOutcome[]): ScoredRow[] => list.map((o) => ({ label: o.pair.label, langPair: langPair(o.pair), score: o.score }));
  const byLang = [...groupBy(outcomes, (o) => langPair(o.pair))].sort(([a], [b]) => a.localeCompare(b));
  console.log(`  alignFacts' decisions at its threshold ${SAME_FACT_THRESHOLD}:`);
  console.log(`    all    ${formatMetrics(metricsAt(decided(outcomes), 1))}`);
  for (const [lp, list] of byLang) console.log(`    ${lp.padEnd(6)} ${formatMetrics(metricsAt(decided(list), 1))}`);
  console.log(`  at t = ${chosenOnA}, chosen on half A:`);
  console.log(`    all    ${formatMetrics(metricsAt(scored(outcomes), chosenOnA))}`);
  for (const [lp, list] of byLang) console.log(`    ${lp.padEnd(6)} ${formatMetrics(metricsAt(scored(list), chosenOnA))}`);
}
