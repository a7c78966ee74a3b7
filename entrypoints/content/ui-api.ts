import type { ExtractedArticle } from '../../extract';
import type { PassageKind } from '../../engine/types';
import type { UiLanguage } from '../../i18n/t';
import type { PageDrawn, PageResult, SavedAnchor } from '../../messaging/protocol';

/** Where the drawing half leaves its API on the isolated world's global object (never the page's). */
export const PAGE_UI = Symbol.for('recoupe.page-ui');

/**
 * What the page-drawing half of the content script (highlights, hover card, saved marks) offers
 * the bootstrap. Both run in the extension's isolated world, so they share objects (the article's
 * text nodes); this file holds types and one symbol, so importing it costs the bootstrap nothing.
 */
export interface DrawInput {
  article: ExtractedArticle;
  result: PageResult;
  /** The reader's saved comparisons for this page, found again in the article text. */
  saved: SavedAnchor[];
  /** Kinds of passage to highlight (the reader's setting); all when absent. */
  kinds?: readonly PassageKind[];
  language: UiLanguage;
  /** Fresh counts after the reader saved from the card. */
  onChange(drawn: PageDrawn): void;
}

export interface Drawing {
  drawn: PageDrawn;
  /** Takes highlights, saved marks and card off the page. */
  undo(): void;
}

export interface PageUi {
  draw(input: DrawInput): Drawing;
  setLanguage(language: UiLanguage): void;
}
