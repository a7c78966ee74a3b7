import { describe, expect, it } from 'vitest';
import { chooseThreshold, groupBy, metricsAt, thresholdSteps, type ScoredRow } from './eval-metrics';

const rows: ScoredRow[] = [
  { label: 'SAME', langPair: 'fr-fr', score: 0.5 },
  { label: 'SAME', langPair: 'fr-en', score: 0.25 },
  { label: 'SAME', langPair: 'fr-fr', score: null },
  { label: 'TOPIC', langPair: 'fr-fr', score: 0.3 },
  { label: 'TOPIC', langPair: 'en-en', score: 0.1 },
  { label: 'PARTIAL', langPair: 'fr-fr', score: 0.6 },
  { label: 'UNRELATED', langPair: 'fr-en', score: null },
];

describe('eval metrics', () => {
  it('counts SAME as positive, TOPIC and UNRELATED as negative, PARTIAL neither way', () => {
    const m = metricsAt(rows, 0.2);
    expect(m.truePositives).toBe(2);
    expect(m.falsePositives).toBe(1);
    expect(m.falseNegatives).toBe(1);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.topicRate).toBeCloseTo(0.5);
    expect(m.partialRate).toBe(1);
  });

  it('returns a pair only when its score reaches the threshold', () => {
    expect(metricsAt(rows, 0.3).falsePositives).toBe(1);
    expect(metricsAt(rows, 0.31).falsePositives).toBe(0);
  });

  it('steps thresholds exactly and chooses the lowest one reaching the precision', () => {
    expect(thresholdSteps(0.1, 0.2, 0.05)).toEqual([0.1, 0.15, 0.2]);
    expect(chooseThreshold(rows, thresholdSteps(0.1, 0.6, 0.05), 0.9).threshold).toBe(0.35);
  });

  it('falls back to the best F1 when no threshold reaches the precision', () => {
    const bad: ScoredRow[] = [
      { label: 'TOPIC', langPair: 'fr-fr', score: 0.9 },
      { label: 'SAME', langPair: 'fr-fr', score: 0.5 },
    ];
    expect(chooseThreshold(bad, [0.4, 0.95], 0.9).threshold).toBe(0.4);
  });

  it('groups rows by key in first-seen order', () => {
    expect([...groupBy(rows, (r) => r.langPair).keys()]).toEqual(['fr-fr', 'fr-en', 'en-en']);
  });
});
