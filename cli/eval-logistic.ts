/** A logistic regression on a few pair features: enough to ask whether a fitted combination beats the hand score. */
export interface Example {
  x: readonly number[];
  /** 1 for a positive (SAME), 0 for a negative. */
  y: 0 | 1;
}

/** Weights, the first one the intercept (x[0] is expected to be 1). */
export type Weights = number[];

/**
 * Fits by batch gradient descent on the mean log loss, with an L2 penalty `l2` on every weight but
 * the intercept (a few hundred pairs and a handful of features: no need for anything cleverer).
 */
export function fitLogistic(examples: readonly Example[], { steps = 3000, rate = 0.5, l2 = 0.01 } = {}): Weights {
  if (!examples.length) throw new Error('fitLogistic: no examples');
  const n = examples[0].x.length;
  const w = new Array<number>(n).fill(0);
  const grad = new Array<number>(n);
  for (let step = 0; step < steps; step++) {
    grad.fill(0);
    for (const e of examples) {
      const p = probability(w, e.x);
      for (let i = 0; i < n; i++) grad[i] += (p - e.y) * e.x[i];
    }
    for (let i = 0; i < n; i++) w[i] -= rate * (grad[i] / examples.length + (i ? l2 * w[i] : 0));
  }
  return w;
}

export function probability(w: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < w.length; i++) z += w[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}
