/**
 * Background tints with alpha stay readable over light and dark page colours; the underline
 * style (solid for verbatim, wavy for edited, dotted for the same fact in other words, dashed for a
 * sentence translated from a dispatch) tells the kinds apart without relying on colour. Same-fact
 * text is not copied, so its tint is the lightest.
 *
 * Overlaps compose instead of mixing: verbatim > edited > translated > same fact. Only the top
 * kind draws its tint and underline; a kind beneath it (the "-under" highlights) draws its own line
 * style as an overline, so one passage never gets two tints or two underlines.
 *
 * The passage of the open card (recoupe-active) is painted like the browser's current find
 * match: an opaque highlighter yellow with near-black text, readable on light and dark pages and
 * unlike any kind's light tint, so the reader sees which of two overlapping passages the card means.
 */
const CSS_TEXT = `
::highlight(recoupe-verbatim) {
  background-color: rgba(255, 170, 0, 0.36);
  text-decoration: underline solid rgb(214, 110, 0);
  text-decoration-thickness: 2px;
}
::highlight(recoupe-edited) {
  background-color: rgba(30, 144, 255, 0.28);
  text-decoration: underline wavy rgb(0, 110, 220);
  text-decoration-thickness: 1.5px;
}
::highlight(recoupe-translated) {
  background-color: rgba(0, 160, 130, 0.2);
  text-decoration: underline dashed rgb(0, 130, 105);
  text-decoration-thickness: 2px;
}
::highlight(recoupe-same-fact) {
  background-color: rgba(160, 90, 230, 0.16);
  text-decoration: underline dotted rgb(150, 90, 230);
  text-decoration-thickness: 2px;
}
::highlight(recoupe-edited-under) {
  text-decoration: overline wavy rgb(0, 110, 220);
  text-decoration-thickness: 1.5px;
}
::highlight(recoupe-translated-under) {
  text-decoration: overline dashed rgb(0, 130, 105);
  text-decoration-thickness: 2px;
}
::highlight(recoupe-same-fact-under) {
  text-decoration: overline dotted rgb(150, 90, 230);
  text-decoration-thickness: 2px;
}
::highlight(recoupe-active) {
  background-color: rgb(255, 232, 26);
  color: rgb(17, 17, 17);
}
`;

/** Adds Recoupe's highlight rules beside the document's own adopted sheets (never replacing them). */
export const installHighlightStyles = styleOnce(CSS_TEXT);

/** Installs `css` at most once per document (the page's, a same-origin frame's). */
export function styleOnce(css: string): (doc?: Document) => void {
  const done = new WeakSet<Document>();
  return (doc = document) => {
    if (done.has(doc)) return;
    done.add(doc);
    adoptStyles(css, doc);
  };
}

/** Adds a style sheet to the document's adopted sheets, after the page's own. */
export function adoptStyles(css: string, doc: Document = document): void {
  try {
    // Built by the document's own window: a sheet is adopted only by the document whose realm made it.
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // Some engines refuse sheets built in a content script's world; a <style> in <head> does the same job.
    const style = doc.createElement('style');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
  }
}
