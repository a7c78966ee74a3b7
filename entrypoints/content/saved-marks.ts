import { domRangesFor, type ExtractedArticle } from '../../extract';
import type { MarkSlice } from './highlights';
import { styleOnce } from './highlight-styles';
import { paint, unpaint } from './registry';
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
 * An overline alone (the reuse highlights use underlines), in a magenta that reads on light and
 * dark pages, above the reuse highlights. No tint: over a passage's tint it would mix into a muddy
 * colour. Where it lies, the weaker kinds' overlines are not drawn (highlight-layers.ts), so the
 * line above the text is the saved mark's alone.
 */
const SAVED_CSS = `
::highlight(recoupe-saved) {
  text-decoration: overline solid rgb(214, 51, 132);
  text-decoration-thickness: 3px;
}
`;

const installSavedStyles = styleOnce(SAVED_CSS);

/** The reader's saved passages on this page, kept in step with the `recoupe-saved` highlight. */
export class SavedMarks {
  readonly marks: SavedMark[] = [];
  private orphaned = 0;
  /** Called when a mark is added, so the passages' overlines make way for it. */
  onAdd?: () => void;

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
    this.onAdd?.();
  }

  /** The saved mark over this stretch of article text, if any. */
  over(start: number, end: number): SavedMark | undefined {
    return this.marks.find((m) => m.start < end && start < m.end);
  }

  private paint(): void {
    if (this.marks.length === 0) unpaint(SAVED);
    else paint(SAVED, this.marks.flatMap((m) => m.ranges), 2, installSavedStyles);
  }
}

/** Saved marks that no drawn highlight covers, so no reuse card explains them; indexed as `marks`. */
export interface LoneMarks {
  marks: SavedMark[];
  /** Per mark: no passage of the corpus matches it now ('unmatched'), or only passages of kinds the reader hides ('hidden'). */
  why: ('unmatched' | 'hidden')[];
  /** Their slices by text node, for hit-testing (`group` is the index in `marks`). */
  byNode: Map<Text, MarkSlice[]>;
}

export const NO_LONE_MARKS: LoneMarks = { marks: [], why: [], byNode: new Map() };

type Stretch = { start: number; end: number };
const overlaps = (a: Stretch, b: Stretch) => a.start < b.end && b.start < a.end;

/** The saved marks outside every drawn stretch, and why: a passage of the result over one is of a hidden kind. */
export function loneMarks(marks: readonly SavedMark[], drawn: readonly Stretch[], passages: readonly Stretch[]): LoneMarks {
  const lone = marks.filter((m) => m.ranges.length > 0 && !drawn.some((d) => overlaps(d, m)));
  const byNode = new Map<Text, MarkSlice[]>();
  lone.forEach((m, group) => {
    for (const range of m.ranges) {
      const node = range.startContainer as Text;
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push({ start: range.startOffset, end: range.endOffset, group });
    }
  });
  return { marks: lone, why: lone.map((m) => (passages.some((p) => overlaps(p, m)) ? 'hidden' : 'unmatched')), byNode };
}

export function clearSavedMarks(): void {
  unpaint(SAVED);
}
