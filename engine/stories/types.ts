import type { Confidence, OriginInference } from '../origin';
import type { Hint } from '../types';

/** One remembered article, as the stories need it (no text). */
export interface StoryArticle {
  id: string;
  outlet: string;
  title: string;
  /** Publication date the page stated: YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** When the reader read it (ISO date-time). */
  readAt: string;
  url?: string;
  language: string;
  /** The agencies the page credited. */
  credits: string[];
}

/** What one article's alignment says about one other remembered article. */
export interface ArticleLink {
  other: string;
  /** Share of this article's words inside text passages (verbatim or edited) shared with `other`. */
  coverage: number;
  /** Text passages (verbatim or edited) shared with `other`. */
  passages: number;
  /** Of those passages, sentences this article translates from `other`, or `other` from it (the other language). */
  translated: number;
  /** Distinct sentences of this article that `other` tells in other words (same-fact pairs). */
  facts: number;
  /** The framing differences found, this article as `page`, the other as `source`; sharpest first. */
  hints: Hint[];
}

/** One article read against the other remembered articles. */
export interface ArticleLinks {
  id: string;
  links: ArticleLink[];
}

/** Two articles of a story and what ties them. */
export interface StoryEdge {
  /** Article ids, in the story's article order. */
  a: string;
  b: string;
  /** Share of a's words found copied in b, and of b's words found copied in a. */
  aCopied: number;
  bCopied: number;
  /** True when they share text (a verbatim or edited passage), not only facts. */
  text: boolean;
  /** True when the shared text is a translation (the two are in different languages). */
  translated: boolean;
  /** Same-fact pairs between them (the larger count of the two directions). */
  facts: number;
  /** The article the other most likely copies (its outlet wrote first); null when neither does. */
  from: string | null;
  /** An agency both most likely copy (neither outlet wrote it), or null. */
  via: string | null;
  confidence: Confidence;
}

/** A framing difference between two versions: `hint.page` is in `article`, `hint.source` in `other`. */
export interface FramingDifference {
  article: string;
  other: string;
  hint: Hint;
}

export interface GraphNode {
  name: string;
  /** An outlet the reader read, or an agency none of them is (the likely origin). */
  kind: 'outlet' | 'agency';
}

export interface GraphArrow {
  from: string;
  to: string;
  /** copy: `to` republishes text of `from` (direction known); shared: they share text, direction unknown; facts: same facts only. */
  kind: 'copy' | 'shared' | 'facts';
  /** Share of `to`'s page copied, for copy and shared. */
  copied: number;
  /** The text is translated, not copied in its own language. */
  translated?: boolean;
}

export interface Story {
  /** The id of its first article: stable while the story keeps that article. */
  id: string;
  /** Oldest first (by publication date, then by reading). */
  articles: StoryArticle[];
  /** When the reader last read one of its articles. */
  latestReadAt: string;
  /** Who most likely wrote the shared text first, from every article that shares text. */
  origin: OriginInference;
  edges: StoryEdge[];
  /** Per article id: the largest share of its words found copied in another version. */
  copied: Record<string, number>;
  /** The sharpest framing differences between versions, sharpest first. */
  framing: FramingDifference[];
  graph: { nodes: GraphNode[]; arrows: GraphArrow[] };
}
