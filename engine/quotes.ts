import type { Tokens } from './tokenize';

const OPEN_CLOSE: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‹': '›', '"': '"' };
const MAX_QUOTE_CHARS = 2000;

/**
 * Character ranges between quote marks: « », “ ”, „ “, ‹ › and straight double quotes, which
 * open and close alternately. A quotation left open at a paragraph break is dropped rather than
 * swallowing the rest of the text.
 */
export function quoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  let closer = '';
  let opener = '';
  let depth = 0;
  for (let p = 0; p < text.length; p++) {
    const c = text[p];
    if (c === '\n' && text[p + 1] === '\n') {
      open = -1;
      depth = 0;
      continue;
    }
    if (open >= 0) {
      if (c === closer || (opener === '„' && c === '”')) {
        if (depth > 0 && c !== '"') {
          depth--;
          continue;
        }
        spans.push([open, p + 1]);
        open = -1;
      } else if (c === opener && c !== '"') {
        depth++;
      } else if (p - open > MAX_QUOTE_CHARS) {
        open = -1;
        depth = 0;
      }
    } else if (c in OPEN_CLOSE) {
      open = p;
      opener = c;
      closer = OPEN_CLOSE[c];
    }
  }
  return spans;
}

/** 1 for each word that lies inside a quotation. */
export function quoteMask(text: string, tokens: Tokens): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  const spans = quoteSpans(text);
  let s = 0;
  for (let i = 0; i < tokens.count && s < spans.length; i++) {
    const at = tokens.starts[i];
    while (s < spans.length && spans[s][1] <= at) s++;
    if (s < spans.length && spans[s][0] < at) mask[i] = 1;
  }
  return mask;
}
