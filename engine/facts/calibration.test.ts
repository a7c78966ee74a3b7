import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import pairsData from '../data/fact-pairs.json';
import { dispatchText } from '../dispatch-text';
import { bestThreshold, evaluate, scoreLabelledPairs } from './calibration';
import { SAME_FACT_THRESHOLD } from './score';

/** Floors for the calibrated threshold on the labelled set: a regression in the rules shows here. */
const MIN_PRECISION = 0.85;
const MIN_RECALL = 0.8;

const background = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
const scored = scoreLabelledPairs(pairsData.pairs, background);

describe('same-fact calibration on the labelled pairs', () => {
  it('holds enough pairs of both kinds', () => {
    expect(scored.length).toBeGreaterThanOrEqual(60);
    expect(scored.filter((p) => p.same).length).toBeGreaterThanOrEqual(25);
    expect(scored.filter((p) => !p.same).length).toBeGreaterThanOrEqual(25);
  });

  it(`reaches precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} at the threshold`, () => {
    const e = evaluate(scored, SAME_FACT_THRESHOLD);
    const best = bestThreshold(scored);
    console.log(
      `same-fact threshold ${SAME_FACT_THRESHOLD}: precision ${e.precision.toFixed(3)} recall ${e.recall.toFixed(3)} F1 ${e.f1.toFixed(3)} ` +
        `(tp ${e.truePositives}, fp ${e.falsePositives}, fn ${e.falseNegatives} of ${scored.length} pairs); ` +
        `best F1 ${best.f1.toFixed(3)} at ${best.threshold.toFixed(3)}`,
    );
    expect(e.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(e.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  it('keeps the threshold on the plateau of best F1 (recalibrate when the rules change)', () => {
    const best = bestThreshold(scored);
    expect(evaluate(scored, SAME_FACT_THRESHOLD).f1).toBeGreaterThanOrEqual(best.f1 - 0.03);
  });

  it('separates the two Putin–Macron calls (Dec 2021 and Jan 2022) by their dates', () => {
    const calls = scored.filter((p) => !p.same && p.a.includes('vendredi') && p.b.includes('14 décembre'));
    expect(calls).toHaveLength(1);
    expect(calls[0].best!.conflict).toBe(true);
    expect(calls[0].best!.score).toBeLessThan(SAME_FACT_THRESHOLD);
  });
});
