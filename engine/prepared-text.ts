import { foldWord } from './fold';
import { quoteSpans } from './quotes';
import { BOILERPLATE_BY_FIRST, BOILERPLATE_MAX_WORDS, STOPWORDS } from './text-sets';
import { tokenize, type Tokens } from './tokenize';

/** A dispatch text as the aligner reads it: its words, nothing more. */
export interface SourceText {
  text: string;
  tokens: Tokens;
}

/**
 * The page as the aligner reads it. Whether a word is quoted or carries content is asked only of
 * the words inside candidate passages, so it is worked out on demand and remembered.
 */
export class PageText implements SourceText {
  readonly tokens: Tokens;
  /** Quotation spans by paragraph, found on first need: quotations never run across paragraphs. */
  private readonly quotes = new Map<number, [number, number][]>();
  private paragraphStarts: number[] | null = null;
  private readonly words: (string | undefined)[];
  /** -1 not known yet, 0 no, 1 yes. */
  private readonly content: Int8Array;

  constructor(
    readonly text: string,
    tokens: Tokens = tokenize(text),
  ) {
    this.tokens = tokens;
    this.words = new Array(tokens.count);
    this.content = new Int8Array(tokens.count).fill(-1);
  }

  word(i: number): string {
    return (this.words[i] ??= foldWord(this.text.slice(this.tokens.starts[i], this.tokens.ends[i])));
  }

  isQuoted(i: number): boolean {
    const at = this.tokens.starts[i];
    const starts = (this.paragraphStarts ??= paragraphStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    let spans = this.quotes.get(lo);
    if (!spans) {
      const start = starts[lo];
      const end = lo + 1 < starts.length ? starts[lo + 1] : this.text.length;
      spans = quoteSpans(this.text.slice(start, end)).map(([a, b]) => [a + start, b + start]);
      this.quotes.set(lo, spans);
    }
    return spans.some(([a, b]) => a < at && at < b);
  }

  /** Not a function word, and not inside a stock phrase of news copy (attribution, credits). */
  isContent(i: number): boolean {
    if (this.content[i] < 0) this.content[i] = this.computeContent(i) ? 1 : 0;
    return this.content[i] === 1;
  }

  private computeContent(i: number): boolean {
    if (STOPWORDS.has(this.word(i))) return false;
    for (let j = Math.max(0, i - BOILERPLATE_MAX_WORDS + 1); j <= i; j++) {
      const phrases = BOILERPLATE_BY_FIRST.get(this.word(j));
      if (!phrases) continue;
      for (const phrase of phrases) {
        if (j + phrase.length <= i || j + phrase.length > this.tokens.count) continue;
        let whole = true;
        for (let w = 1; w < phrase.length && whole; w++) whole = this.word(j + w) === phrase[w];
        if (whole) return false;
      }
    }
    return true;
  }
}

function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 2)) starts.push(at + 2);
  return starts;
}
