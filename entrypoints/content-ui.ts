import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { pageUi } from './content/draw';
import { PAGE_UI } from './content/ui-api';

/**
 * The content script's drawing half (highlights, hover card with Preact and its words, saved
 * marks), injected by the background into a page only when it has something to show: beside the
 * reply to the page's match, or when the bootstrap asks for it. It runs in the same isolated world
 * as the bootstrap and hands it `pageUi` through that world's global object, which the page never
 * sees.
 */
export default defineUnlistedScript(() => {
  const world = globalThis as Record<symbol, unknown>;
  if (!world[PAGE_UI]) Object.defineProperty(world, PAGE_UI, { value: pageUi });
});
