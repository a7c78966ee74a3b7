import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFactsIndex, type FactsIndex } from '../engine/facts/facts-index';
import { isSameFact, scorePair, sentenceVector, type PairScore } from '../engine/facts/score';
import { analyzeText, dayNumber, TermKind } from '../engine/facts/terms';
import { fitLogistic, probability, type Weights } from './eval-logistic';
import { buildPairs, splitOf, storySentences, type EvalPair, type EvalStory } from './eval-set';

/**
 * Would a fitted combination of the same-fact features beat the hand-weighed score? Fits a
 * logistic regression on half A's SAME (positive), TOPIC and UNRELATED pairs (PARTIAL left out, as
 * in npm run eval), checks it by leaving one story of A out at a time, then compares it with the
 * hand score on half B at thresholds chosen on A for the same precision. B is only reported.
 *   node --import tsx cli/eval-fit.ts
 */
const FEATURES = ['intercept', 'score', 'cosine', 'log factor', 'shared content', 'anchored', 'cross-language', 'cross-language cosine', 'names apart', 'shared names'];

interface Row {
  pair: EvalPair;
  half: 'A' | 'B';
  /** Features, or null when the engine cannot pair the two at all (conflict or too little shared). */
  x: number[] | null;
  hand: number;
  y: 0 | 1;
}

const dir = join(import.meta.dirname, '..', 'tests', 'eval', 'stories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const names = files.map((f) => f.replace(/\.json$/, ''));
const sentences = files.flatMap((f, i) => storySentences(names[i], JSON.parse(readFileSync(join(dir, f), 'utf8')) as EvalStory));
const index = buildFactsIndex(sentences.map((s) => ({ id: s.id, text: s.text, date: s.date, language: s.lang })));
const lookup = new Map<number, number>();
const namesOf = (text: string, lang: string, date: string) =>
  new Set(analyzeText(text, lang, date).sentences.flatMap((s) => s.hits.filter((h) => h.kind === TermKind.Entity).map((h) => h.key)));

/** Best pair between the page sentence(s) of `a` and the sentences of dispatch `b`, as alignFacts scores them. */
function bestPair(p: EvalPair, ix: FactsIndex): PairScore | null {
  const doc = ix.ids.indexOf(p.b.id);
  let best: PairScore | null = null;
  for (const sentence of analyzeText(p.a.text, p.a.lang, p.a.date).sentences) {
    const v = sentenceVector(sentence, ix, lookup);
    for (let s = 0; s < ix.sentDoc.length; s++) {
      if (ix.sentDoc[s] !== doc) continue;
      const pair = scorePair(v, ix, s, dayNumber(p.a.date));
      if (!best || pair.score > best.score) best = pair;
    }
  }
  return best;
}

const rows: Row[] = buildPairs(sentences)
  .filter((p) => p.label !== 'PARTIAL')
  .map((pair) => {
    const best = bestPair(pair, index);
    const usable = best !== null && isSameFact(best, 0);
    const na = namesOf(pair.a.text, pair.a.lang, pair.a.date);
    const nb = namesOf(pair.b.text, pair.b.lang, pair.b.date);
    const sharedNames = [...na].filter((n) => nb.has(n)).length;
    const x =
      usable && best
        ? [
            1,
            best.score,
            best.cosine,
            Math.log(Math.max(best.cosine > 0 ? best.score / best.cosine : 0, 0.05)),
            Math.min(best.sharedContent, 6) / 6,
            best.anchored ? 1 : 0,
            best.crossLanguage ? 1 : 0,
            best.crossLanguage ? best.cosine : 0,
            na.size && nb.size && !sharedNames ? 1 : 0,
            Math.min(sharedNames, 3) / 3,
          ]
        : null;
    return { pair, half: splitOf(names, pair.a.story), x, hand: usable && best ? best.score : -1, y: pair.label === 'SAME' ? 1 : 0 } as Row;
  });

type Scorer = (r: Row) => number;
function metrics(list: readonly Row[], score: Scorer, t: number) {
  let tp = 0, fp = 0, fn = 0, topic = 0, topicReturned = 0;
  for (const r of list) {
    const returned = score(r) >= t;
    if (r.pair.label === 'TOPIC') {
      topic++;
      if (returned) topicReturned++;
    }
    if (r.y && returned) tp++;
    else if (r.y) fn++;
    else if (returned) fp++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, topic: topic ? topicReturned / topic : 0, tp, fp };
}
const fmt = (m: ReturnType<typeof metrics>) =>
  `precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} TOPIC ${(m.topic * 100).toFixed(1)}% (tp ${m.tp}, fp ${m.fp})`;
/** Lowest threshold reaching `target` precision on `list`. */
function chooseAt(list: readonly Row[], score: Scorer, target: number): number {
  const ts = [...new Set(list.map(score))].filter((t) => t >= 0).sort((a, b) => a - b);
  return ts.find((t) => metrics(list, score, t).precision >= target) ?? Infinity;
}
const fit = (list: readonly Row[]): Weights => fitLogistic(list.filter((r) => r.x).map((r) => ({ x: r.x!, y: r.y })));
const byModel = (w: Weights): Scorer => (r) => (r.x ? probability(w, r.x) : -1);

const A = rows.filter((r) => r.half === 'A');
const B = rows.filter((r) => r.half === 'B');
console.log(`Pairs: half A ${A.length}, half B ${B.length} (SAME, TOPIC, UNRELATED; PARTIAL left out)`);
console.log('Leave one story of A out (fit and threshold for precision 0.90 on the other two, figures on the one left out):');
for (const story of [...new Set(A.map((r) => r.pair.a.story))]) {
  const train = A.filter((r) => r.pair.a.story !== story);
  const scorer = byModel(fit(train));
  const t = chooseAt(train, scorer, 0.9);
  const th = chooseAt(train, (r) => r.hand, 0.9);
  console.log(`  ${story.padEnd(30)} fitted ${fmt(metrics(A.filter((r) => r.pair.a.story === story), scorer, t))}`);
  console.log(`  ${''.padEnd(30)} hand   ${fmt(metrics(A.filter((r) => r.pair.a.story === story), (r) => r.hand, th))}`);
}
const w = fit(A);
console.log(`Weights fitted on A: ${FEATURES.map((f, i) => `${f} ${w[i].toFixed(2)}`).join(', ')}`);
const model = byModel(w);
for (const target of [0.9, 0.95, 0.97, 1]) {
  const t = chooseAt(A, model, target);
  const th = chooseAt(A, (r) => r.hand, target);
  console.log(`Precision ≥ ${target} on A:`);
  console.log(`  fitted p ≥ ${t.toFixed(3)}  A ${fmt(metrics(A, model, t))}  |  B ${fmt(metrics(B, model, t))}`);
  console.log(`  hand   s ≥ ${th.toFixed(3)}  A ${fmt(metrics(A, (r) => r.hand, th))}  |  B ${fmt(metrics(B, (r) => r.hand, th))}`);
}
