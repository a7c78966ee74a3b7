/**
 * Recoupe's entries in the CSS Custom Highlight registries. `CSS.highlights` belongs to one
 * document: a range in a same-origin frame's document is painted only by that frame's registry,
 * so each range is registered where its text lives, under the same few names (one per kind) as in
 * the page's own document, and the frame gets the same styles: nothing more for a frame's scripts
 * to see than the page's already see.
 */

type FrameWindow = Window & typeof globalThis;

/** Frames' documents Recoupe has registered highlights in (the page's own document is always one). */
const frames = new Set<Document>();

function windowOf(doc: Document): FrameWindow | null {
  const win = doc.defaultView as FrameWindow | null;
  return win && 'highlights' in win.CSS && typeof win.Highlight === 'function' ? win : null;
}

/** Every document that holds, or held, Recoupe's highlights: the page's, then its frames'. */
export function paintedDocuments(): Document[] {
  return [document, ...frames];
}

/**
 * Registers `ranges` as highlight `name` in the registry of each range's document, with `style`
 * installed there first. The page's own document always gets its entry (empty or not); a frame
 * left with no range loses it.
 */
export function paint(name: string, ranges: readonly Range[], priority: number, style: (doc: Document) => void): void {
  const byDoc = new Map<Document, Range[]>([[document, []]]);
  for (const doc of frames) byDoc.set(doc, []);
  for (const range of ranges) {
    const doc = range.startContainer.ownerDocument!;
    if (!byDoc.has(doc)) byDoc.set(doc, []);
    byDoc.get(doc)!.push(range);
  }
  for (const [doc, list] of byDoc) {
    const win = windowOf(doc);
    if (!win) continue;
    if (doc !== document && list.length === 0) {
      win.CSS.highlights.delete(name);
      continue;
    }
    if (doc !== document) frames.add(doc);
    if (list.length > 0) style(doc);
    // The frame's own constructor: a registry takes what its own realm built.
    const highlight = new win.Highlight(...list);
    highlight.priority = priority;
    win.CSS.highlights.set(name, highlight);
  }
}

/** Takes highlight `name` out of every document Recoupe painted. */
export function unpaint(name: string): void {
  for (const doc of paintedDocuments()) windowOf(doc)?.CSS.highlights.delete(name);
}

/** Each of Recoupe's highlights ("recoupe-…") in every document it painted. */
export function eachHighlight(visit: (highlight: Highlight) => void): void {
  for (const doc of paintedDocuments()) {
    windowOf(doc)?.CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('recoupe-')) visit(highlight);
    });
  }
}
