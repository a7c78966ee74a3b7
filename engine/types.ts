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
  /**
   * Who wrote which paragraphs first, when a copy mixes sources (first two paragraphs AFP, the
   * rest RT): ranges of paragraph indexes, `from` and `to` included, in order, without overlap.
   * Paragraphs outside every range have the dispatch's `origin`.
   */
  origins?: ParagraphOrigin[];
  /** A page of the reader's reading memory: when they read it, and the agencies it credited. */
  read?: { at: string; credits?: string[]; byline?: string };
}

/** The origin of paragraphs `from` to `to` (0-based, both included) of a dispatch. */
export interface ParagraphOrigin {
  from: number;
  to: number;
  origin: string;
}

/**
 * verbatim and edited reuse text; same-fact tells the same fact in other words; translated is a
 * sentence of a page that translates a dispatch in the other language, beside its original.
 */
export type PassageKind = 'verbatim' | 'edited' | 'same-fact' | 'translated';

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
  /** What differs in the telling between the page's version and the dispatch's (framing). */
  hints?: Hint[];
  /** same-fact: where the terms the two versions share sit in each text. */
  shared?: { page: Span[]; source: Span[] };
  /** same-fact: the shared terms as the page writes them, each once. */
  sharedTerms?: string[];
  /**
   * Who wrote this passage first, when its dispatch says so paragraph by paragraph (a copy mixing
   * AFP and RT text): the origins of the paragraphs it spans, in text order. Absent otherwise: the
   * dispatch's own origin then holds for all of it.
   */
  origins?: string[];
}

export type HintType = 'attribution' | 'hedging' | 'quotation' | 'loaded' | 'numbers' | 'entities' | 'omission';

/**
 * One concrete difference between two versions of a fact. `page` and `source` point at the words
 * involved in the full page text and the full dispatch text; the side where the thing is absent has
 * an empty span (start = end, text ''). `note` is a short English sentence; `code` and `params`
 * let an interface word it in its own language.
 */
export interface Hint {
  type: HintType;
  page: Span;
  source: Span;
  note: string;
  code: string;
  params: Record<string, string>;
}

export type Relation = 'republished' | 'reuses-passages' | 'shared-quotes';

/**
 * Relations once same-fact alignment is counted: same-story = no shared text, but several facts
 * told by both (see engine/facts/verdicts.ts); translated = the page and the dispatch are in two
 * languages and most of the page's sentences are translations of the dispatch's, in order
 * (engine/translation/verdicts.ts). Kept apart from Relation so that code written for
 * text reuse alone keeps compiling until it handles the new case.
 */
export type StoryRelation = Relation | 'same-story' | 'translated';

/** A verdict from factVerdicts: the text verdicts unchanged, plus same-story ones. */
export interface StoryVerdict extends Omit<DispatchVerdict, 'relation'> {
  relation: StoryRelation;
}

export interface DispatchVerdict {
  id: string;
  relation: Relation;
  /** Fraction of the page's words inside passages reused from this dispatch (quotes included). */
  coverage: number;
  /** Same, counting only passages of narration (not quotation). */
  narrationCoverage: number;
  passages: number;
  /** Page sentences telling a fact this dispatch tells too (same-fact alignments). */
  facts?: number;
}

export interface MatchResult {
  /** Sorted by page start. */
  passages: Passage[];
  /** Strongest relation first. */
  dispatches: DispatchVerdict[];
  pageWords: number;
}
