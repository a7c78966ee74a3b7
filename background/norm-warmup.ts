import { nextTurn, runInSlices, SLICE_MS } from '../db/run-in-slices';
import type { SegmentSet } from '../engine/index';
import type { Steps } from '../engine/segments/steps';

/**
 * Finds the sentence norms of the corpus's facts view in slices of the worker's idle time, after a
 * start, a write or a merge: every norm depends on corpus-wide weights, so each new view finds them
 * again, and the first page to need them would otherwise wait for all of them (over 300 ms at
 * 100,000 dispatches). The norms found are those the page would find (FactsView.normSteps); a page
 * that comes first finds what is left itself. A change meanwhile sends the work on to the new view.
 */
export class NormWarmup {
  private set: SegmentSet | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly pause: () => Promise<void> = nextTurn,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Finds the norms of this set's view, once the work queued before has run. */
  want(set: SegmentSet): void {
    this.set = set;
    this.running ??= this.run()
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
  }

  /** Resolves once every norm of the latest set's view is found (for tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    for (;;) {
      await this.pause();
      const set = this.set!;
      const view = set.factsView();
      if (view.normsLeft() === 0) return;
      await runInSlices(
        whileCurrent(view.normSteps(), () => this.set === set && set.factsView() === view),
        this.sliceMs,
        this.pause,
      );
    }
  }
}

/** The steps, left as soon as `current` says their view is no longer the one pages read. */
function* whileCurrent(steps: Steps<void>, current: () => boolean): Steps<void> {
  while (current()) {
    if (steps.next().done) return;
    yield;
  }
}
