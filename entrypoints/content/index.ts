import { defineContentScript } from 'wxt/utils/define-content-script';
import { startRecoupe } from './start';
import { whenShown } from './when-shown';

/**
 * Recoupe on news pages. What others can rely on:
 * - <html data-recoupe-state>: "matching" from start, then "done" | "no-article" | "error",
 *   or "paused" on a site where the reader paused Recoupe (state changes again with the settings);
 *   <html data-recoupe-passages>: passages highlighted (0 unless done). Set last, after the measures.
 * - performance measures "recoupe:extract" (extraction) and "recoupe:total" (from idle to highlights).
 * - CSS.highlights "recoupe-verbatim" and "recoupe-edited"; "recoupe-saved" over the reader's saved
 *   passages found again, set before "done" with <html data-recoupe-saved> (marked),
 *   data-recoupe-saved-fuzzy (found on a changed page) and data-recoupe-saved-orphaned (not found).
 * - Hover card: <recoupe-card> on <html>, open shadow root, role="dialog", main button
 *   data-testid="open-comparison" (other passages under the same point: "open-comparison-other").
 *   Its "save-comparison" button saves the first passage ("save-comparison-other" the others); a saved
 *   passage shows data-testid="card-saved" with data-anchor="exact" | "fuzzy".
 *   Alt+Shift+ArrowDown / ArrowUp: next / previous highlight with focus in the card; Escape closes.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main() {
    // A second injection into the same document (extension reload) must not highlight twice.
    if (document.documentElement.hasAttribute('data-recoupe-state')) return;
    whenShown(startRecoupe);
  },
});
