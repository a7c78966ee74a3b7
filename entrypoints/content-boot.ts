import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { send } from '../messaging/client';
import { startRecoupe } from './content/start';
import { PAGE_UI, type PageUi } from './content/ui-api';
import { whenShown } from './content/when-shown';

/** Set on the isolated world's own global object, which page scripts never see nor write. */
const STARTED = Symbol.for('recoupe.started');

/**
 * Recoupe on news pages, in two halves. This bootstrap, on every http(s) page but those of paused
 * sites (the background registers it so: background/boot-script.ts), extracts the article and asks
 * the background to match it, whose reply says what the settings mean for the page; when a match or a saved passage is to be shown, the
 * background injects the drawing half beside the reply (entrypoints/content-ui.ts: highlights, hover card,
 * saved marks) and the bootstrap's asking for it waits for that injection, so pages with nothing to show never load it. The page's DOM carries no state or result of Recoupe: how a run ended
 * (matching, no article, paused, error, done with how many passages and saved marks drawn) goes
 * to the background, which keeps it per tab for the views and tools (`get-tab-state`, and the
 * worker's debug handle read by the browser tests). The bootstrap reads the page again when it
 * becomes another page (single-page navigation), grows or edits its article text in place
 * (watch-page.ts); to do so it observes the document's child lists and text, which a page cannot
 * detect, and its re-runs are bounded per minute. Same-origin frames are read from here (their
 * documents are reachable from the top frame), so no script runs in any frame. What a page script can still observe:
 * - CSS.highlights "recoupe-verbatim", "recoupe-edited", "recoupe-same-fact", "recoupe-translated" and "recoupe-saved"
 *   (the reader's saved passages), and for 1.5 s "recoupe-flash" over a passage selected in the side
 *   panel: highlighting is visible by design.
 * - The hover card <recoupe-card> on <html>, in a closed shadow root; it acts on trusted
 *   (reader) events only. Alt+Shift+ArrowDown / ArrowUp: next / previous highlight with focus in
 *   the card; Escape closes it and gives focus back.
 */
export default defineUnlistedScript({
  // Registered by the background as the content script (background/boot-script.ts) rather than through
  // WXT's content-script wrapper, which would add about 1 KB gzipped to every page and announce
  // itself to the page with a document event.
  main() {
    // A second injection into the same document must not highlight twice; the page cannot forge this flag.
    const world = globalThis as Record<symbol, unknown>;
    if (world[STARTED]) return;
    Object.defineProperty(world, STARTED, { value: true });
    whenShown(() =>
      startRecoupe(async () => {
        // The background runs the drawing half in this frame's isolated world (or has begun to, beside the reply), then answers.
        if (!world[PAGE_UI]) await send('load-ui', {});
        const ui = world[PAGE_UI] as PageUi | undefined;
        if (!ui) throw new Error('No drawing half');
        return ui;
      }),
    );
  },
});
