import { describe, expect, it } from 'vitest';
import { fitLogistic, probability, type Example } from './eval-logistic';

describe('fitLogistic', () => {
  it('learns which feature tells positives from negatives, and its sign', () => {
    // Feature 1 decides (high for positives), feature 2 is noise that takes both values in both classes.
    const examples: Example[] = [];
    for (let i = 0; i < 40; i++) examples.push({ x: [1, 0.6 + (i % 5) * 0.08, i % 2], y: 1 }, { x: [1, (i % 5) * 0.08, (i + 1) % 2], y: 0 });
    const w = fitLogistic(examples);
    expect(w[1]).toBeGreaterThan(2);
    expect(Math.abs(w[2])).toBeLessThan(Math.abs(w[1]) / 4);
    expect(probability(w, [1, 0.9, 0])).toBeGreaterThan(0.8);
    expect(probability(w, [1, 0.1, 1])).toBeLessThan(0.2);
  });

  it('refuses an empty set', () => {
    expect(() => fitLogistic([])).toThrow();
  });
});
