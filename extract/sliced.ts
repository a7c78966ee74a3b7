import { articleSteps } from './extract-article';
import type { ExtractOptions, ExtractedArticle } from './types';

/** How long a slice may still run: an IdleDeadline, or nothing when only the slice budget applies. */
export type SliceDeadline = { timeRemaining(): number; didTimeout?: boolean } | void;

/** Waits until the page can spare a slice of time. */
export type NextSlice = () => Promise<SliceDeadline>;

export interface SlicedOptions extends ExtractOptions {
  /** Stops the extraction between two slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest run of work in one task, in ms, whatever an idle deadline would allow (default 8). */
  sliceMs?: number;
  /** Waits for the next slice (default `nextIdleSlice`). */
  nextSlice?: NextSlice;
  /**
   * An idle period the caller already waited for and is still in, and when it began
   * (`performance.now()`): the first slice runs in it at once, sparing the page a second idle
   * task before any work, and ends its budget after that beginning, so the caller's own work in
   * the period does not make the task longer.
   */
  current?: { deadline: SliceDeadline; at: number };
}

const DEFAULT_SLICE_MS = 8;
/** A page that is never idle still gets its article read, a slice at a time. */
const IDLE_TIMEOUT_MS = 250;

/**
 * An idle period (waited for `timeout` ms at most), as Chromium and Firefox both give; a 0 ms
 * timer where there is none (Node, tests).
 */
export const nextIdleSlice = (timeout = IDLE_TIMEOUT_MS): Promise<SliceDeadline> =>
  new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(resolve, { timeout });
    else setTimeout(resolve, 0);
  });

/**
 * The same extraction as `extractArticle`, same result to the character and the piece, done in
 * slices of a few milliseconds that give the page back its main thread in between. The page
 * may change between slices: pieces point at text nodes, and highlighting clamps to their
 * current text (`domRangesFor`), so a late change costs a highlight, never a wrong one.
 */
export async function extractArticleSliced(doc: Document, options: SlicedOptions = {}): Promise<ExtractedArticle | null> {
  const { signal, sliceMs = DEFAULT_SLICE_MS, nextSlice = nextIdleSlice } = options;
  let current = options.current;
  const steps = articleSteps(doc, options);
  try {
    for (;;) {
      const deadline = current ? current.deadline : await nextSlice();
      const start = current?.at ?? performance.now();
      current = undefined;
      signal?.throwIfAborted();
      const budget = deadline && !deadline.didTimeout ? Math.min(sliceMs, deadline.timeRemaining()) : sliceMs;
      const end = start + budget;
      // At least one step per slice, so a page that is never idle still progresses.
      let r = steps.next();
      while (!r.done && performance.now() < end) r = steps.next();
      if (r.done) return r.value;
    }
  } finally {
    steps.return(null);
  }
}
