import type { TextPiece } from './types';

/** Thrown internally to stop walking once the character cap is reached. */
export class CapReached extends Error {}

const isCollapsible = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

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
    let i = 0;
    while (i < data.length) {
      if (isCollapsible(data.charCodeAt(i))) {
        let j = i;
        let plain = -1;
        while (j < data.length && isCollapsible(data.charCodeAt(j))) {
          if (plain < 0 && data.charCodeAt(j) === 32) plain = j;
          j++;
        }
        if (!this.empty && this.newlines === 0 && !this.space) {
          this.space = plain >= 0 ? { node, index: plain } : { node: null, index: -1 };
        }
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
