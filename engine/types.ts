/** A dispatch as stored in the corpus: one outlet's copy of one article. */
export interface Dispatch {
  /** Stable identifier, unique in the corpus. */
  id: string;
  /** Who published this copy (the site the reader would see). */
  outlet: string;
  /** Who wrote the text first (AFP, CNSNews, RT...). */
  origin: string;
  /** Provenance chain, first writer first, e.g. ["AFP", "Europe 1"]. */
  chain: string[];
  /** BCP 47 language tag of the text, e.g. "fr", "en". */
  language: string;
  /** Publication date, YYYY-MM or YYYY-MM-DD. */
  date: string;
  title: string;
  url?: string;
  /** Article text only, one entry per paragraph. */
  paragraphs: string[];
}

export type PassageKind = 'verbatim' | 'edited';

/** A character range in some text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One word-level diff operation from the dispatch (source) to the page: -1 only in source, 1 only in page. */
export interface DiffOp {
  op: -1 | 0 | 1;
  text: string;
}

/** A passage of the page that reuses text of one dispatch. */
export interface Passage {
  dispatch: string;
  kind: PassageKind;
  /** True when the shared words are mostly a quotation rather than the outlet's own narration. */
  quote: boolean;
  /** Share of aligned words that are identical, 0..1. */
  score: number;
  /** Offsets into the page text given to the matcher. */
  page: Span;
  /** Offsets into the dispatch text (paragraphs joined by a blank line). */
  source: Span;
  diff: DiffOp[];
}

export type Relation = 'republished' | 'reuses-passages' | 'shared-quotes';

export interface DispatchVerdict {
  id: string;
  relation: Relation;
  /** Fraction of the page's words inside passages reused from this dispatch (quotes included). */
  coverage: number;
  /** Same, counting only passages of narration (not quotation). */
  narrationCoverage: number;
  passages: number;
}

export interface MatchResult {
  /** Sorted by page start. */
  passages: Passage[];
  /** Strongest relation first. */
  dispatches: DispatchVerdict[];
  pageWords: number;
}
