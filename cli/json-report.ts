import type { Dispatch, MatchResult, PassageKind, Relation } from '../engine/index';

export interface JsonSpan {
  start: number;
  end: number;
  text: string;
}

/** The `--json` output, one object; field names are a public format, change them only with care. */
export interface JsonReport {
  dispatches: { id: string; outlet: string; origin: string; relation: Relation; coverage: number }[];
  passages: {
    dispatch: string;
    kind: PassageKind;
    quote: boolean;
    score: number;
    page: JsonSpan;
    source: JsonSpan;
  }[];
}

export const emptyJsonReport: JsonReport = { dispatches: [], passages: [] };

/**
 * Span texts are sliced from the page text and the dispatch text themselves, so that
 * `text === pageText.slice(start, end)` holds for every consumer of this format.
 */
export function jsonReport(
  result: MatchResult,
  pageText: string,
  byId: ReadonlyMap<string, Dispatch>,
  sourceText: (id: string) => string,
): JsonReport {
  return {
    dispatches: result.dispatches.map((v) => {
      const d = byId.get(v.id);
      return { id: v.id, outlet: d?.outlet ?? '', origin: d?.origin ?? '', relation: v.relation, coverage: v.coverage };
    }),
    passages: result.passages.map((p) => {
      const source = sourceText(p.dispatch);
      return {
        dispatch: p.dispatch,
        kind: p.kind,
        quote: p.quote,
        score: p.score,
        page: { start: p.page.start, end: p.page.end, text: pageText.slice(p.page.start, p.page.end) },
        source: { start: p.source.start, end: p.source.end, text: source.slice(p.source.start, p.source.end) },
      };
    }),
  };
}
