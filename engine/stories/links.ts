import type { TextAlignment } from '../align-page';
import { hintRank } from '../hints/sharpest';
import type { Hint } from '../types';
import type { ArticleLink, ArticleLinks } from './types';

/**
 * Same-fact pairs below this score do not link two articles into one story. On the labelled
 * evaluation set (tests/eval, `npm run eval`), pairs from 0.30 have precision 0.978 and take 0.5 %
 * of the same-topic-other-fact pairs (0.929 and 2.7 % from the alignment's own 0.20): a story
 * link chains, and over hundreds of remembered pages the weaker pairs joined unrelated articles
 * into stories of dozens.
 */
export const STORY_FACT_SCORE = 0.3;

/** Framing differences kept per pair of articles: the story shows only the sharpest few. */
export const HINTS_PER_LINK = 4;

/**
 * What an article's alignment with the corpus says about the other remembered articles: for each
 * one it shares text or facts with (`keep` says which ids are remembered articles), the share of
 * its words copied, the passages and same-fact pairs, and the sharpest framing differences.
 */
export function linksOf(id: string, alignment: Pick<TextAlignment, 'passages' | 'dispatches'>, keep: (other: string) => boolean): ArticleLinks {
  const byOther = new Map<string, ArticleLink>();
  // A sentence paired with two sentences of the other article is one fact, as in the engine's same-story verdict.
  const factSentences = new Map<string, Set<number>>();
  const linkOf = (other: string) => {
    let link = byOther.get(other);
    if (!link) byOther.set(other, (link = { other, coverage: 0, passages: 0, translated: 0, facts: 0, hints: [] }));
    return link;
  };
  for (const p of alignment.passages) {
    if (p.dispatch === id || !keep(p.dispatch)) continue;
    const link = linkOf(p.dispatch);
    if (p.kind === 'same-fact') {
      if (p.score < STORY_FACT_SCORE) continue;
      const seen = factSentences.get(p.dispatch) ?? new Set<number>();
      seen.add(p.page.start);
      factSentences.set(p.dispatch, seen);
      link.facts = seen.size;
    }
    else link.passages++;
    if (p.kind === 'translated') link.translated++;
    if (p.hints) link.hints.push(...p.hints);
  }
  for (const v of alignment.dispatches) {
    const link = byOther.get(v.id);
    if (link && v.relation !== 'same-story') link.coverage = Math.max(link.coverage, v.coverage);
  }
  for (const link of byOther.values()) link.hints = sharpestFirst(link.hints).slice(0, HINTS_PER_LINK);
  return { id, links: [...byOther.values()].sort((a, b) => a.other.localeCompare(b.other)) };
}

/** Hints by how telling their kind is, then in text order; the same words flagged twice count once. */
export function sharpestFirst(hints: readonly Hint[]): Hint[] {
  const seen = new Set<string>();
  return [...hints]
    .sort((a, b) => hintRank(a.type) - hintRank(b.type) || a.page.start - b.page.start)
    .filter((h) => {
      const key = `${h.code}|${h.page.start}|${h.source.start}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
