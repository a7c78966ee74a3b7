import type { ParagraphOrigin, PassageKind, Span } from '../types';

/** A passage of a page found in another text, and who wrote that text (or that part of it) first. */
export interface OriginEvidence {
  page: Pick<Span, 'start' | 'end'>;
  kind: PassageKind;
  origin: string;
}

/** Share of a paragraph that copies from one origin for the paragraph to be that origin's. */
export const PARAGRAPH_SHARE = 0.6;

/**
 * Who wrote each paragraph of a page first, from what its paragraphs copy: a paragraph most of
 * whose characters are copied (verbatim or edited) from texts of one origin is that origin's; the
 * others keep the page's own origin (`own`). Paragraphs are found in `pageText` in order (a record
 * may leave some blocks of the page out). Returns the ranges that differ from `own`, in order and
 * apart, as a dispatch's `origins`; undefined when none does.
 */
export function paragraphOriginsFrom(paragraphs: readonly string[], pageText: string, evidence: readonly OriginEvidence[], own: string): ParagraphOrigin[] | undefined {
  const copied = evidence.filter((e) => e.kind === 'verbatim' || e.kind === 'edited');
  if (copied.length === 0) return undefined;
  const origins: (string | null)[] = [];
  let from = 0;
  for (const paragraph of paragraphs) {
    const start = pageText.indexOf(paragraph, from);
    if (start < 0) {
      origins.push(null);
      continue;
    }
    const end = start + paragraph.length;
    from = end;
    const byOrigin = new Map<string, number>();
    for (const e of copied) {
      const overlap = Math.min(end, e.page.end) - Math.max(start, e.page.start);
      if (overlap > 0) byOrigin.set(e.origin, (byOrigin.get(e.origin) ?? 0) + overlap);
    }
    let best: string | null = null;
    for (const [origin, chars] of byOrigin) if (chars >= PARAGRAPH_SHARE * paragraph.length && (best === null || chars > byOrigin.get(best)!)) best = origin;
    origins.push(best !== null && best !== own ? best : null);
  }
  const ranges: ParagraphOrigin[] = [];
  origins.forEach((origin, i) => {
    if (origin === null) return;
    const last = ranges[ranges.length - 1];
    if (last && last.origin === origin && last.to === i - 1) last.to = i;
    else ranges.push({ from: i, to: i, origin });
  });
  return ranges.length > 0 ? ranges : undefined;
}
