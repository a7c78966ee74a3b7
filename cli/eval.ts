import { join } from 'node:path';
import { SAME_FACT_THRESHOLD } from '../engine/index';
import { chooseThreshold, formatMetrics, groupBy, metricsAt, thresholdSteps, type ScoredRow } from './eval-metrics';
import { scorePairs, type PairOutcome } from './eval-score';
import { buildPairs, langPair, splitOf } from './eval-set';
import { errorsHalfOf, loadStorySet } from './eval-holdout';
import { printHoldout } from './eval-holdout-report';
import { printTranslationEval } from './eval-translation-report';

/** Precision the shipped threshold must reach on the half it is chosen on. */
const TARGET_PRECISION = 0.9;
const SWEEP = thresholdSteps(0.1, 0.5, 0.02);
const evalDir = join(import.meta.dirname, '..', 'tests', 'eval');
/**
 * `--errors` lists every wrong decision of halves A and B; `--errors=A` only those of one half (read
 * the half you tune on, not the other). Set C is never listed: `--errors=C` is refused.
 */
const errorsArg = process.argv.find((a) => a === '--errors' || a.startsWith('--errors='));
const { half: errorsHalf, refusal } = errorsHalfOf(errorsArg);
if (refusal) {
  console.error(refusal);
  process.exit(2);
}
const showErrors = errorsArg !== undefined;

const { names: storyNames, sentences } = loadStorySet(join(evalDir, 'stories'));
const pairs = buildPairs(sentences);
const outcomes = scorePairs(sentences, pairs);
const rowOf = (o: PairOutcome): ScoredRow => ({ label: o.pair.label, langPair: langPair(o.pair), score: o.score });
const decidedRows = (list: readonly PairOutcome[]): ScoredRow[] => list.map((o) => ({ ...rowOf(o), score: o.decided ? 1 : null }));

const count = (label: string) => pairs.filter((p) => p.label === label).length;
console.log(
  `Eval set: ${storyNames.length} stories, ${new Set(sentences.map((s) => s.article)).size} articles, ${sentences.length} sentences, ${pairs.length} pairs ` +
    `(SAME ${count('SAME')}, PARTIAL ${count('PARTIAL')}, TOPIC ${count('TOPIC')}, UNRELATED ${count('UNRELATED')})`,
);
console.log(`PARTIAL pairs count neither way in precision and recall; the share returned is shown.`);
console.log();
console.log(`Decisions of alignFacts at its threshold ${SAME_FACT_THRESHOLD}:`);
console.log(`  all      ${formatMetrics(metricsAt(decidedRows(outcomes), 1))}`);
for (const [lp, list] of groupBy(outcomes, (o) => langPair(o.pair))) console.log(`  ${lp.padEnd(8)} ${formatMetrics(metricsAt(decidedRows(list), 1))}`);
const halves = groupBy(outcomes, (o) => splitOf(storyNames, o.pair.a.story));
for (const h of ['A', 'B']) {
  const names = storyNames.filter((n) => splitOf(storyNames, n) === h).join(', ');
  console.log(`  half ${h}   ${formatMetrics(metricsAt(decidedRows(halves.get(h) ?? []), 1))}  [${names}]`);
  for (const [lp, list] of groupBy(halves.get(h) ?? [], (o) => langPair(o.pair))) console.log(`    ${h} ${lp.padEnd(6)} ${formatMetrics(metricsAt(decidedRows(list), 1))}`);
}
const mismatch = outcomes.filter((o) => o.decided !== (o.score !== null && o.score >= SAME_FACT_THRESHOLD)).length;
console.log(`  (sweep scores and decisions disagree on ${mismatch} pairs)`);

console.log();
console.log('Sweep (pair returned when its score reaches t):');
console.log('     t  precision recall   F1   TOPIC%   |  half A P/R      |  half B P/R');
const rows = outcomes.map(rowOf);
const rowsA = (halves.get('A') ?? []).map(rowOf);
const rowsB = (halves.get('B') ?? []).map(rowOf);
for (const t of SWEEP) {
  const m = metricsAt(rows, t);
  const a = metricsAt(rowsA, t);
  const b = metricsAt(rowsB, t);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `  ${t.toFixed(2)}  ${f(m.precision)}     ${f(m.recall)}  ${f(m.f1)}  ${(m.topicRate * 100).toFixed(1).padStart(5)}   |  ${f(a.precision)}/${f(a.recall)}  |  ${f(b.precision)}/${f(b.recall)}`,
  );
}
console.log();
for (const [on, other, rowsOn, rowsOther] of [['A', 'B', rowsA, rowsB], ['B', 'A', rowsB, rowsA]] as const) {
  const chosen = chooseThreshold(rowsOn, SWEEP, TARGET_PRECISION);
  console.log(`Chosen on half ${on} (lowest t with precision ≥ ${TARGET_PRECISION}): t = ${chosen.threshold}`);
  console.log(`  on ${on}: ${formatMetrics(chosen)}`);
  console.log(`  on ${other}: ${formatMetrics(metricsAt(rowsOther, chosen.threshold))}`);
}

printHoldout(loadStorySet(join(evalDir, 'holdout')), chooseThreshold(rowsA, SWEEP, TARGET_PRECISION).threshold);

if (showErrors) {
  console.log();
  console.log(`Errors at ${SAME_FACT_THRESHOLD}${errorsHalf ? ` in half ${errorsHalf}` : ''}:`);
  for (const o of outcomes) {
    if (errorsHalf && splitOf(storyNames, o.pair.a.story) !== errorsHalf) continue;
    const { label, a, b } = o.pair;
    const wrong = (label === 'SAME' && !o.decided) || ((label === 'TOPIC' || label === 'UNRELATED') && o.decided);
    if (!wrong) continue;
    console.log(`- ${label} ${o.decided ? 'returned' : 'missed'} score ${o.score ?? '-'} ${a.id} ${a.facts.join('+')} / ${b.id} ${b.facts.join('+')}`);
    console.log(`    ${a.text}`);
    console.log(`    ${b.text}`);
  }
}

printTranslationEval(evalDir);
