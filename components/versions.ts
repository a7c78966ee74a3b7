import type { Passage, PassageKind, StoryVerdict } from '../engine/types';
import type { PageResult } from '../messaging/protocol';

type Result = Pick<PageResult, 'passages' | 'dispatches'>;

const KIND_RANK: Record<PassageKind, number> = { verbatim: 0, edited: 1, translated: 2, 'same-fact': 3 };

const overlaps = (a: Passage, b: Passage) => a.page.start < b.page.end && b.page.start < a.page.end;

/** Copied text before the same fact in other words, then the higher score. */
function better(a: Passage, b: Passage): boolean {
  return KIND_RANK[a.kind] !== KIND_RANK[b.kind] ? KIND_RANK[a.kind] < KIND_RANK[b.kind] : a.score > b.score;
}

/**
 * Every outlet's version of the chosen passage: one passage per dispatch among those overlapping
 * its page text (copied text preferred, then the best score), the chosen one first, then in the
 * order of the verdicts (strongest relation first).
 */
export function versionsOf(result: Result, selected: number): number[] {
  const chosen = result.passages[selected];
  if (!chosen) return [];
  const best = new Map<string, number>([[chosen.dispatch, selected]]);
  result.passages.forEach((p, i) => {
    if (p.dispatch === chosen.dispatch || !overlaps(p, chosen)) return;
    const current = best.get(p.dispatch);
    if (current === undefined || better(p, result.passages[current])) best.set(p.dispatch, i);
  });
  const rank = new Map(result.dispatches.map((v, i) => [v.id, i]));
  return [...best.values()].sort((a, b) => {
    if (a === selected) return -1;
    if (b === selected) return 1;
    const ra = rank.get(result.passages[a].dispatch) ?? Infinity;
    const rb = rank.get(result.passages[b].dispatch) ?? Infinity;
    return ra - rb || result.passages[a].page.start - result.passages[b].page.start;
  });
}

/** One stretch of the page told by at least one dispatch, and who tells it and who leaves it out. */
export interface ArticleFact {
  start: number;
  end: number;
  /** Best passage per dispatch over this stretch, in verdict order. */
  versions: number[];
  /** Dispatches of the page's story that tell nothing over this stretch. */
  omittedBy: string[];
}

/**
 * The page's facts in page order: passages whose page text overlaps are one fact (the same
 * sentence told by several outlets, copied or retold). Omission is counted against the
 * dispatches that tell the page's story: those with a verdict, and those telling at least one of
 * its facts elsewhere (a single shared fact gives no verdict, yet it is the same event).
 */
export function articleFacts(result: Result): ArticleFact[] {
  const order = result.passages.map((p, i) => ({ p, i })).sort((a, b) => a.p.page.start - b.p.page.start || a.p.page.end - b.p.page.end);
  const stretches: { start: number; end: number; members: number[] }[] = [];
  for (const { p, i } of order) {
    const last = stretches[stretches.length - 1];
    if (last && p.page.start < last.end) {
      last.end = Math.max(last.end, p.page.end);
      last.members.push(i);
    } else stretches.push({ start: p.page.start, end: p.page.end, members: [i] });
  }
  const verdicts: StoryVerdict[] = result.dispatches;
  const story = [...new Set([...verdicts.map((v) => v.id), ...result.passages.map((p) => p.dispatch)])];
  const rank = new Map(story.map((id, i) => [id, i]));
  return stretches.map(({ start, end, members }) => {
    const best = new Map<string, number>();
    for (const i of members) {
      const p = result.passages[i];
      const current = best.get(p.dispatch);
      if (current === undefined || better(p, result.passages[current])) best.set(p.dispatch, i);
    }
    const versions = [...best.values()].sort(
      (a, b) => (rank.get(result.passages[a].dispatch) ?? Infinity) - (rank.get(result.passages[b].dispatch) ?? Infinity) || a - b,
    );
    return { start, end, versions, omittedBy: story.filter((id) => !best.has(id)) };
  });
}
