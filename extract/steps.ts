/**
 * Extraction is written as generators that pause (`yield`) every STEP units of work, so one
 * code path serves both the synchronous extractor (run to the end at once) and the sliced one
 * (run a few steps per idle slice). A step is a few hundred nodes: well under a millisecond.
 */
export type Steps<T> = Generator<void, T, void>;

/** Units of work (nodes, paragraphs, candidates) between two pauses. */
export const STEP = 512;

/** Runs a generator to its end without pausing. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
