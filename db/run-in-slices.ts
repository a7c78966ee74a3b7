import type { Steps } from '../engine/segments/steps';

/**
 * Worker time a long build (a merge of segments) runs before it lets other work in: a page asking
 * meanwhile waits this long at most, plus one step of the build.
 */
export const SLICE_MS = 12;

interface PostTask {
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

/**
 * Until the next turn of the event loop, behind the work already queued: a background task where
 * the platform has a scheduler, so that messages from pages go first; a timer otherwise.
 */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<PostTask> }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs the steps, letting the event loop turn whenever a slice of SLICE_MS is spent: the result
 * of runSteps, without holding the worker's only thread for the whole build.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS, pause: () => Promise<void> = nextTurn): Promise<T> {
  let from = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - from >= sliceMs) {
      await pause();
      from = performance.now();
    }
  }
}
