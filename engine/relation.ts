import type { WordPassage } from './passages';
import type { DispatchVerdict, Relation } from './types';

/**
 * Narration coverage from which a page is a republication of a dispatch: more than half of the
 * page's words are the dispatch's own narration. Calibrated in relation.test.ts on built pages:
 * a whole copy (1.0), a trimmed copy (0.6-0.9) and a copy under a short intro of the outlet's own
 * (about 0.55-0.7) are republications; an article of its own that takes two or three sentences
 * (0.05-0.3) reuses passages; one that shares only quotations shares quotes.
 */
export const REPUBLISHED_MIN_COVERAGE = 0.5;

const RANK: Record<Relation, number> = { republished: 0, 'reuses-passages': 1, 'shared-quotes': 2 };

export function verdicts(passages: readonly WordPassage[], pageWords: number): DispatchVerdict[] {
  const byDispatch = new Map<string, WordPassage[]>();
  for (const p of passages) {
    const list = byDispatch.get(p.dispatch) ?? [];
    list.push(p);
    byDispatch.set(p.dispatch, list);
  }
  const out: DispatchVerdict[] = [];
  for (const [id, list] of byDispatch) {
    const all = coveredWords(list);
    const narration = coveredWords(list.filter((p) => !p.quote));
    const coverage = pageWords ? all / pageWords : 0;
    const narrationCoverage = pageWords ? narration / pageWords : 0;
    const relation: Relation =
      narration === 0
        ? 'shared-quotes'
        : narrationCoverage >= REPUBLISHED_MIN_COVERAGE
          ? 'republished'
          : 'reuses-passages';
    out.push({
      id,
      relation,
      coverage: round(coverage),
      narrationCoverage: round(narrationCoverage),
      passages: list.length,
    });
  }
  return out.sort((a, b) => RANK[a.relation] - RANK[b.relation] || b.coverage - a.coverage || a.id.localeCompare(b.id));
}

/** Words of the page inside at least one of the passages. */
function coveredWords(list: readonly WordPassage[]): number {
  const ranges = list.map((p) => [p.pageFrom, p.pageTo] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [from, to] of ranges) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
