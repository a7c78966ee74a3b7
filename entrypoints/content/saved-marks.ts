import { domRangesFor, type ExtractedArticle } from '../../extract';
import { adoptStyles } from './highlight-styles';
import type { PageDrawn, SavedAnchor } from '../../messaging/protocol';
import type { SavedComparison } from '../../saved/types';

export const SAVED = 'recoupe-saved';

/** A saved comparison found again on this page. */
export interface SavedMark {
  record: SavedComparison;
  status: 'exact' | 'fuzzy';
  start: number;
  end: number;
  ranges: Range[];
}

/**
 * An overline (the reuse highlights use underlines) and a faint tint, in a magenta that reads on
 * light and dark pages; it sits above the reuse highlights so both stay visible.
 */
const SAVED_CSS = `
::highlight(recoupe-saved) {
  background-color: rgba(214, 51, 132, 0.16);
  text-decoration: overline solid rgb(214, 51, 132);
  text-decoration-thickness: 2px;
}
`;

let styled = false;

function installSavedStyles(): void {
  if (styled) return;
  styled = true;
  adoptStyles(SAVED_CSS);
}

/** The reader's saved passages on this page, kept in step with the `recoupe-saved` highlight. */
export class SavedMarks {
  readonly marks: SavedMark[] = [];
  private orphaned = 0;

  /** Marks the page's saved comparisons as the background found them again in the article text. */
  constructor(
    private readonly article: ExtractedArticle,
    found: readonly SavedAnchor[],
  ) {
    for (const { record, anchor } of found) {
      if (anchor.status === 'orphaned') this.orphaned++;
      else this.marks.push({ record, status: anchor.status, start: anchor.start, end: anchor.end, ranges: domRangesFor(this.article, anchor.start, anchor.end) });
    }
    this.paint();
  }

  counts(): Omit<PageDrawn, 'passages'> {
    return { saved: this.marks.length, savedFuzzy: this.marks.filter((m) => m.status === 'fuzzy').length, savedOrphaned: this.orphaned };
  }

  /** A comparison just saved from the card: marked at once, where the page shows it now. */
  add(record: SavedComparison, start: number, end: number): void {
    this.marks.push({ record, status: 'exact', start, end, ranges: domRangesFor(this.article, start, end) });
    this.paint();
  }

  /** The saved mark over this stretch of article text, if any. */
  over(start: number, end: number): SavedMark | undefined {
    return this.marks.find((m) => m.start < end && start < m.end);
  }

  private paint(): void {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function') return;
    if (this.marks.length === 0) {
      CSS.highlights.delete(SAVED);
      return;
    }
    installSavedStyles();
    const highlight = new Highlight(...this.marks.flatMap((m) => m.ranges));
    highlight.priority = 2;
    CSS.highlights.set(SAVED, highlight);
  }
}

export function clearSavedMarks(): void {
  if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(SAVED);
}
