import type { DiffOp } from '../engine/types';

/** W3C Web Annotation text quote selector: the passage with some context on each side. */
export interface TextQuoteSelector {
  exact: string;
  /** Up to QUOTE_CONTEXT characters of article text just before the passage. */
  prefix: string;
  /** Up to QUOTE_CONTEXT characters of article text just after the passage. */
  suffix: string;
}

/** W3C Web Annotation text position selector: offsets into the extracted article text. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

export type AnchorStatus = 'exact' | 'fuzzy' | 'orphaned';

/**
 * A framing hint as kept with a saved comparison. Its own shape, so a saved record does not change
 * when the engine's hint type grows; `code` and `params` let a view word it in its own language.
 */
export interface SavedHint {
  type: string;
  note: string;
  code?: string;
  params?: Record<string, string>;
  page?: { start: number; end: number; text: string };
  source?: { start: number; end: number; text: string };
}

/** A comparison the reader kept: both passages, how they relate, and the reader's own words. */
export interface SavedComparison {
  /** Random UUID. */
  id: string;
  /** ISO 8601. */
  savedAt: string;
  /** ISO 8601; equals savedAt until the note or tags change. */
  updatedAt: string;
  page: { url: string; title: string };
  /** The page's passage, with selectors to find it again when the page is revisited. */
  passage: { text: string; quote: TextQuoteSelector; position: TextPositionSelector };
  /** The other outlet's passage, offsets into its dispatch text. */
  other: {
    dispatch: string;
    outlet: string;
    origin: string;
    chain: string[];
    date: string;
    title: string;
    text: string;
    start: number;
    end: number;
  };
  kind: string;
  /** True when the shared words are mostly a quotation. */
  quote: boolean;
  score: number;
  /** Word diff from the other outlet's passage (-1) to the page's (1). */
  diff: DiffOp[];
  hints?: SavedHint[];
  note: string;
  tags: string[];
  /** How the passage was found on the last visit to the page. */
  lastAnchor?: { status: AnchorStatus; at: string };
}

export type SavedSort = 'newest' | 'oldest';

export interface SavedQuery {
  /** Words to find in the passages, outlets, page title, note and tags. */
  text?: string;
  tag?: string;
  sort?: SavedSort;
}

/** Versioned envelope of a JSON export. */
export interface SavedExport {
  format: 'recoupe-saved';
  version: 1;
  exportedAt: string;
  items: SavedComparison[];
}

export const QUOTE_CONTEXT = 32;
