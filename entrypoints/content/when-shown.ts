/** The part of `document` that tells a prerendered page (Chromium's speculation rules) from a shown one. */
export interface PrerenderState extends Pick<EventTarget, 'addEventListener'> {
  prerendering?: boolean;
}

/**
 * Calls `start` once the page is shown to the reader. A page the browser prerenders runs its
 * content script before anyone sees it, in a frame that is not yet its tab's top frame: the
 * background refuses its messages, and its result would overwrite the page the tab still shows.
 */
export function whenShown(start: () => void, doc: PrerenderState = document as PrerenderState): void {
  if (doc.prerendering) doc.addEventListener('prerenderingchange', () => start(), { once: true });
  else start();
}
