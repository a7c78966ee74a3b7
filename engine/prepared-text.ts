import { contentMask } from './content-words';
import { quoteMask } from './quotes';
import { tokenize, type Tokens } from './tokenize';

/** A text with everything the aligner asks of it, computed once. */
export interface PreparedText {
  text: string;
  tokens: Tokens;
  /** 1 where the word is inside a quotation. */
  quoted: Uint8Array;
  /** 1 where the word carries content (see contentMask). */
  content: Uint8Array;
}

export function prepareText(text: string, tokens: Tokens = tokenize(text)): PreparedText {
  return { text, tokens, quoted: quoteMask(text, tokens), content: contentMask(tokens) };
}
