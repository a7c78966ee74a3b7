import type { TextPiece } from './types';

/** Thrown internally to stop walking once the character cap is reached. */
export class CapReached extends Error {}

const isCollapsible = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
/**
 * A run of collapsible whitespace other than one plain space (the run whole, from its first
 * character: any run holding a line break, a tab, a form feed or two spaces matches from there).
 */
const NOT_AS_IS = /[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*| {2,}/g;

/**
 * Accumulates article text the way a browser lays it out, keeping for every copied run of
 * characters the text node and offsets it came from. Separators the layout adds ("\n\n"
 * between blocks, "\n" for <br>) have no piece; a collapsed whitespace run becomes one space
 * whose piece points at a plain space of the run when it has one, else it has no piece.
 */
export class TextBuilder {
  private parts: string[] = [];
  length = 0;
  readonly pieces: TextPiece[] = [];
  /** Documents and open shadow roots the pieces were read from (see ExtractedArticle.roots). */
  readonly roots = new Set<Node>();
  truncated = false;
  private empty = true;
  private newlines = 0;
  private space: { node: Text | null; index: number } | null = null;

  constructor(private readonly maxChars: number) {}

  get text(): string {
    return this.parts.join('');
  }

  blockBoundary(): void {
    if (this.empty) return;
    this.newlines = 2;
    this.space = null;
  }

  lineBreak(): void {
    if (this.empty) return;
    this.newlines = Math.min(this.newlines + 1, 2);
    this.space = null;
  }

  /** Normal-flow text: whitespace runs collapse to one space, dropped at line starts and ends. */
  addText(node: Text): void {
    const data = node.data;
    // Near the cap, character by character: the text is cut where it always was.
    if (data.length + 2 > this.maxChars - this.length) return this.addTextByCharacter(node, data);
    // Most prose separates its words with one plain space, which stays as it is: only the other
    // runs (line breaks, tabs, several spaces) are looked for, by a native scan, and what lies
    // between two of them is copied in one piece instead of word by word.
    const runs = NOT_AS_IS;
    runs.lastIndex = 0;
    let from = 0;
    while (runs.test(data)) {
      const end = runs.lastIndex;
      // The match is a whole run of collapsible whitespace: it starts where that run starts.
      let start = end;
      while (start > from && isCollapsible(data.charCodeAt(start - 1))) start--;
      this.asIs(node, data, from, start);
      const plain = data.indexOf(' ', start);
      this.collapse(plain >= 0 && plain < end ? node : null, plain);
      from = end;
    }
    this.asIs(node, data, from, data.length);
  }

  /**
   * Text whose only collapsible whitespace is lone plain spaces (`start` and `end` are a run's
   * edges or the node's): a space at either end collapses, the rest is laid out as it is.
   */
  private asIs(node: Text, data: string, start: number, end: number): void {
    if (end > start && data.charCodeAt(start) === 32) this.collapse(node, start++);
    const trailing = end > start && data.charCodeAt(end - 1) === 32;
    if (trailing) end--;
    if (end > start) this.copy(node, start, end);
    if (trailing) this.collapse(node, end);
  }

  /** A run of collapsible whitespace, shown as the plain space at `index` of `node` (none: no plain space in the run). */
  private collapse(node: Text | null, index: number): void {
    if (!this.empty && this.newlines === 0 && !this.space) this.space = node ? { node, index } : { node: null, index: -1 };
  }

  private addTextByCharacter(node: Text, data: string): void {
    let i = 0;
    while (i < data.length) {
      if (isCollapsible(data.charCodeAt(i))) {
        let j = i;
        let plain = -1;
        while (j < data.length && isCollapsible(data.charCodeAt(j))) {
          if (plain < 0 && data.charCodeAt(j) === 32) plain = j;
          j++;
        }
        this.collapse(plain >= 0 ? node : null, plain);
        i = j;
      } else {
        let j = i;
        while (j < data.length && !isCollapsible(data.charCodeAt(j))) j++;
        this.copy(node, i, j);
        i = j;
      }
    }
  }

  /** Preformatted text: copied whole, whitespace included. */
  addPre(node: Text): void {
    if (node.data.length > 0) this.copy(node, 0, node.data.length);
  }

  private copy(node: Text, start: number, end: number): void {
    this.flushSeparator();
    const room = this.maxChars - this.length;
    if (end - start > room) {
      end = start + Math.max(0, room);
      this.truncated = true;
    }
    if (end > start) this.push(node.data.slice(start, end), node, start, end);
    if (this.truncated) throw new CapReached();
  }

  private flushSeparator(): void {
    if (this.empty) return;
    if (this.newlines > 0) {
      this.push(this.newlines === 2 ? '\n\n' : '\n', null, 0, 0);
      this.newlines = 0;
    } else if (this.space) {
      const { node, index } = this.space;
      this.push(' ', node, index, index + 1);
    }
    this.space = null;
  }

  private push(s: string, node: Text | null, nodeStart: number, nodeEnd: number): void {
    if (node) {
      const last = this.pieces[this.pieces.length - 1];
      if (last && last.node === node && last.nodeEnd === nodeStart && last.textStart + (last.nodeEnd - last.nodeStart) === this.length) {
        last.nodeEnd = nodeEnd;
      } else {
        this.pieces.push({ node, nodeStart, nodeEnd, textStart: this.length });
      }
    }
    this.parts.push(s);
    this.length += s.length;
    this.empty = false;
  }
}
