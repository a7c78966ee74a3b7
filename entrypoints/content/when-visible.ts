/** The part of `document` that says whether the reader can see the page. */
export interface VisibilityState extends Pick<EventTarget, 'addEventListener' | 'removeEventListener'> {
  visibilityState?: DocumentVisibilityState;
}

/**
 * Resolves once the page is visible: a tab opened in the background (a dozen links opened at
 * once, a restored session) is analysed only when the reader shows it, so it pays nothing before.
 * Resolves at once when aborted, so a newer run never waits behind an old one.
 */
export function whenVisible(signal?: AbortSignal, doc: VisibilityState = document): Promise<void> {
  if (doc.visibilityState !== 'hidden' || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('visibilitychange', check);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const check = () => {
      if (doc.visibilityState !== 'hidden') done();
    };
    doc.addEventListener('visibilitychange', check);
    signal?.addEventListener('abort', done);
  });
}
