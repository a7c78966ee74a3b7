import type { Dispatch, HintType, PassageKind, StoryRelation, StoryVerdict, Passage } from '../engine/index';

export interface JsonSpan {
  start: number;
  end: number;
  text: string;
}

/** A framing difference: `page` and `source` point at the words involved (an empty span where absent). */
export interface JsonHint {
  type: HintType;
  page: JsonSpan;
  source: JsonSpan;
  note: string;
}

export interface JsonPassage {
  dispatch: string;
  kind: PassageKind;
  quote: boolean;
  score: number;
  page: JsonSpan;
  source: JsonSpan;
  /** With --facts only, on every passage. */
  hints?: JsonHint[];
}

/**
 * The `--json` output, one object; field names are a public format, change them only with care.
 * Without --facts, relations are text relations only and passages have no `hints` key.
 */
export interface JsonReport {
  dispatches: { id: string; outlet: string; origin: string; relation: StoryRelation; coverage: number }[];
  passages: JsonPassage[];
}

export const emptyJsonReport: JsonReport = { dispatches: [], passages: [] };

export interface ReportedMatch {
  passages: Passage[];
  dispatches: StoryVerdict[];
}

/**
 * Span texts are sliced from the page text and the dispatch text themselves, so that
 * `text === pageText.slice(start, end)` holds for every consumer of this format. With `withHints`
 * every passage carries its hints (an empty list when there are none).
 */
export function jsonReport(
  result: ReportedMatch,
  pageText: string,
  byId: ReadonlyMap<string, Dispatch>,
  sourceText: (id: string) => string,
  withHints = false,
): JsonReport {
  return {
    dispatches: result.dispatches.map((v) => {
      const d = byId.get(v.id);
      return { id: v.id, outlet: d?.outlet ?? '', origin: d?.origin ?? '', relation: v.relation, coverage: v.coverage };
    }),
    passages: result.passages.map((p) => {
      const source = sourceText(p.dispatch);
      const passage: JsonPassage = {
        dispatch: p.dispatch,
        kind: p.kind,
        quote: p.quote,
        score: p.score,
        page: span(pageText, p.page),
        source: span(source, p.source),
      };
      if (withHints) {
        passage.hints = (p.hints ?? []).map((h) => ({ type: h.type, page: span(pageText, h.page), source: span(source, h.source), note: h.note }));
      }
      return passage;
    }),
  };
}

function span(text: string, s: { start: number; end: number }): JsonSpan {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}
