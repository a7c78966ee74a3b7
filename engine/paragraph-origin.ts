import type { Dispatch, Span } from './types';

/** The paragraph holding a character offset of the dispatch text (paragraphs joined by a blank line). */
export function paragraphAt(d: Pick<Dispatch, 'paragraphs'>, offset: number): number {
  let end = 0;
  for (let i = 0; i < d.paragraphs.length; i++) {
    end += d.paragraphs[i].length;
    // The blank line after a paragraph belongs to it.
    if (offset < end + 2 || i === d.paragraphs.length - 1) return i;
    end += 2;
  }
  return 0;
}

/** Who wrote paragraph `index` first: the range of `origins` holding it, else the dispatch's origin. */
export function originOfParagraph(d: Pick<Dispatch, 'origin' | 'origins'>, index: number): string {
  return d.origins?.find((r) => r.from <= index && index <= r.to)?.origin ?? d.origin;
}

/**
 * Who wrote a passage of the dispatch first: the origins of the paragraphs it spans, each once, in
 * text order (one when the passage stays within one source, several when it straddles them).
 */
export function originsOfSpan(d: Pick<Dispatch, 'origin' | 'origins' | 'paragraphs'>, span: Pick<Span, 'start' | 'end'>): string[] {
  const first = paragraphAt(d, span.start);
  const last = paragraphAt(d, Math.max(span.start, span.end - 1));
  const out: string[] = [];
  for (let i = first; i <= last; i++) {
    const origin = originOfParagraph(d, i);
    if (!out.includes(origin)) out.push(origin);
  }
  return out;
}
