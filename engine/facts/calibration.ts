import { buildFactsIndex, type FactsDoc } from './facts-index';
import { SAME_FACT_THRESHOLD, isSameFact, scorePair, sentenceVector, type PairScore } from './score';
import { sharesEnough } from './share-bound';
import { analyzeText, dayNumber } from './terms';

export interface LabelledPair {
  a: string;
  b: string;
  dateA?: string;
  dateB?: string;
  same: boolean;
}

export interface ScoredPair extends LabelledPair {
  /** Best pair over the sentences of a and b (a side may hold two sentences). */
  best: PairScore | null;
}

/**
 * Scores labelled pairs the way alignFacts scores a page sentence against a corpus sentence:
 * every side of every pair becomes a one-text dispatch of a corpus that also holds `background`
 * (so that inverse document frequencies are those of a real corpus), then a is the page and b the
 * dispatch.
 */
export function scoreLabelledPairs(pairs: readonly LabelledPair[], background: readonly FactsDoc[] = []): ScoredPair[] {
  const docs: FactsDoc[] = [...background];
  pairs.forEach((p, i) => {
    docs.push({ id: `pair-${i}-a`, text: p.a, date: p.dateA });
    docs.push({ id: `pair-${i}-b`, text: p.b, date: p.dateB });
  });
  const index = buildFactsIndex(docs);
  const docOf = new Map(index.ids.map((id, d) => [id, d]));
  return pairs.map((p, i) => {
    const d = docOf.get(`pair-${i}-b`)!;
    const lookup = new Map<number, number>();
    let best: PairScore | null = null;
    const a = analyzeText(p.a, undefined, p.dateA);
    for (const sentence of a.sentences) {
      const v = sentenceVector(sentence, index, lookup);
      for (let s = 0; s < index.sentDoc.length; s++) {
        if (index.sentDoc[s] !== d) continue;
        const pair = scorePair(v, index, s, dayNumber(p.dateA));
        if (!best || rank(pair) > rank(best)) best = pair;
      }
    }
    return { ...p, best };
  });
}

/** Pairs that cannot pass (too few shared content terms) rank below every pair that can. */
function rank(p: PairScore): number {
  return sharesEnough(p) ? p.score : p.score - 10;
}

export interface Evaluation {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function evaluate(scored: readonly ScoredPair[], threshold = SAME_FACT_THRESHOLD): Evaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of scored) {
    const predicted = !!p.best && isSameFact(p.best, threshold);
    if (predicted && p.same) tp++;
    else if (predicted) fp++;
    else if (p.same) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, precision, recall, f1, truePositives: tp, falsePositives: fp, falseNegatives: fn };
}

/** The threshold with the best F1 over the set, trying every score seen (ties: the lowest). */
export function bestThreshold(scored: readonly ScoredPair[]): Evaluation {
  const candidates = [...new Set(scored.map((p) => p.best?.score ?? 0))].sort((a, b) => a - b);
  let best = evaluate(scored, 1);
  for (const t of candidates) {
    const e = evaluate(scored, t);
    if (e.f1 > best.f1) best = e;
  }
  return best;
}
