import type { DiffOp, Passage } from '../engine/types';

/** A run of text in one column of the comparison; `changed` runs exist on that side only. */
export interface Segment {
  text: string;
  changed: boolean;
}

export interface DiffColumns {
  /** Shared words and words only on the page (diff ops 0 and 1). */
  page: Segment[];
  /** Shared words and words only in the dispatch (diff ops 0 and -1). */
  source: Segment[];
}

function push(column: Segment[], text: string, changed: boolean): void {
  if (!text) return;
  const last = column[column.length - 1];
  if (last && last.changed === changed) last.text += text;
  else column.push({ text, changed });
}

/**
 * Splits a word diff into the page's side and the dispatch's side. Without a diff (a verbatim
 * passage may carry none) both sides are shown whole and unmarked.
 */
export function diffColumns(passage: Pick<Passage, 'diff' | 'page' | 'source'>): DiffColumns {
  const ops: DiffOp[] = passage.diff ?? [];
  if (ops.length === 0) {
    return {
      page: passage.page.text ? [{ text: passage.page.text, changed: false }] : [],
      source: passage.source.text ? [{ text: passage.source.text, changed: false }] : [],
    };
  }
  const columns: DiffColumns = { page: [], source: [] };
  for (const { op, text } of ops) {
    if (op !== -1) push(columns.page, text, op === 1);
    if (op !== 1) push(columns.source, text, op === -1);
  }
  return columns;
}

/** Splits a text around [start, end) so the middle can be marked; offsets are clamped to the text. */
export function sliceAround(text: string, start: number, end: number): [string, string, string] {
  const a = Math.max(0, Math.min(text.length, start));
  const b = Math.max(a, Math.min(text.length, end));
  return [text.slice(0, a), text.slice(a, b), text.slice(b)];
}

/** A one-line preview of a passage for the list. */
export function snippet(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max * 0.6 ? cut : max)}…`;
}
