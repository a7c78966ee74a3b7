/**
 * Long index work done in bounded steps, so that the worker can answer pages between them: a
 * generator whose every `next()` runs a few milliseconds of work at most, the last one returning
 * the result. The engine only marks where work may pause; when to pause, and for how long, is the
 * caller's (the worker yields to its event loop, a build that nobody waits on runs straight through).
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Loop iterations between two pauses for the cheap loops of index work (a typed-array read and
 * write or two): well under a millisecond each on a phone, so that a step stays short.
 */
export const STEP_ITEMS = 1 << 14;
export const STEP_MASK = STEP_ITEMS - 1;

/**
 * A zeroed array of n, written through in steps: the first writes to a large fresh array fault its
 * memory in, which scattered writes (a counting or radix sort) would otherwise pay in one step.
 */
export function* freshArray(n: number): Steps<Uint32Array<ArrayBuffer>> {
  const a = new Uint32Array(n);
  for (let i = 0; i < n; i += 4 * STEP_ITEMS) {
    a.fill(0, i, i + 4 * STEP_ITEMS);
    yield;
  }
  return a;
}

/** Runs every step at once: the result, as if the work had no pauses. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
