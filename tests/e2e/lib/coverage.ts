/**
 * Functions run inside a test page (passed whole to `page.evaluate`, by Playwright in Chromium and
 * by Puppeteer in Firefox): they read Recoupe's highlights through CSS.highlights, as any page
 * script could. No named inner functions or imports here: the test runner's transpiler would
 * wrap them in a helper the page lacks.
 */

export interface Coverage {
  /** The body's visible-ish text (script/style excluded), nodes concatenated. */
  text: string;
  /** One char per text char: '0' none, 'v' verbatim, 'e' edited, 'b' both. */
  marks: string;
}

/** Which characters of the page text the two highlights cover, from the Range objects themselves. */
export function pageCoverage(): Coverage {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const tag = n.parentElement?.tagName ?? '';
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  const marks = new Uint8Array(text.length);
  for (const [name, bit] of [
    ['recoupe-verbatim', 1],
    ['recoupe-edited', 2],
  ] as const) {
    for (const r of CSS.highlights.get(name) ?? []) {
      const range = r as Range;
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        if (!range.intersectsNode(node)) continue;
        const from = node === range.startContainer ? range.startOffset : 0;
        const to = node === range.endContainer ? range.endOffset : node.length;
        for (let k = from; k < to; k++) marks[starts[i] + k] |= bit;
      }
    }
  }
  return { text, marks: Array.from(marks, (m) => '0veb'[m]).join('') };
}

/**
 * The text of the highlighted stretches of the page, in document order: the ranges of both
 * highlights, with overlapping ones (a passage shared by two dispatches) merged into one.
 */
export function mergedHighlightTexts(): string[] {
  const ranges = ['recoupe-verbatim', 'recoupe-edited'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])] as Range[]);
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && last.comparePoint(r.startContainer, r.startOffset) <= 0) {
      if (last.comparePoint(r.endContainer, r.endOffset) > 0) last.setEnd(r.endContainer, r.endOffset);
    } else merged.push(r.cloneRange());
  }
  return merged.map((r) => r.toString());
}

/** Ranges in every highlight Recoupe registers (names starting "recoupe-"), by name; empty ones left out. */
export function recoupeHighlightSizes(): Record<string, number> {
  const sizes: Record<string, number> = {};
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('recoupe-') && highlight.size) sizes[name] = highlight.size;
  });
  return sizes;
}
