import { hintRank } from '../hints/sharpest';
import { inferOrigin } from '../origin';
import { copyOfArticle, directionOf } from './direction';
import { dayOf } from './filter';
import { storyGraph } from './graph';
import type { ArticleLink, ArticleLinks, FramingDifference, Story, StoryArticle, StoryEdge } from './types';

/** Same facts told in other words link two articles only from this many pairs on: one shared fact is common to unrelated news. */
export const MIN_FACT_PAIRS = 2;
/**
 * Same facts link two articles only when they were published (or, undated, read) within this many
 * days of each other: a story's retellings come out within days, while articles weeks apart share
 * background facts, and one such link would join two stories into one.
 */
export const FACT_LINK_DAYS = 7;
/** Framing differences shown per story. */
export const FRAMING_PER_STORY = 3;

/** Union-find over article indexes, with path halving. */
function unionFind(size: number) {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  return { find, union: (a: number, b: number) => void (parent[find(a)] = find(b)) };
}

/** Oldest first: publication date, then when it was read, then id (dates are YYYY-MM or YYYY-MM-DD, so text order is date order). */
function byPublication(a: StoryArticle, b: StoryArticle): number {
  return (a.date || '9999').localeCompare(b.date || '9999') || a.readAt.localeCompare(b.readAt) || a.id.localeCompare(b.id);
}

interface Pair {
  a: string;
  b: string;
  ab?: ArticleLink;
  ba?: ArticleLink;
}

/**
 * The remembered articles grouped into stories. Two articles are linked when either one's
 * alignment finds text of the other in it (a verbatim or edited passage), or at least
 * MIN_FACT_PAIRS same facts told in other words; a story is a connected group of linked articles.
 * Stories come newest first (by the latest reading of any of their articles); an article linked to
 * none is a story of its own only when `alone` is set.
 */
export function groupStories(articles: readonly StoryArticle[], alignments: readonly ArticleLinks[], alone = false): Story[] {
  const at = new Map(articles.map((a, i) => [a.id, i]));
  const pairs = new Map<string, Pair>();
  for (const { id, links } of alignments) {
    if (!at.has(id)) continue;
    for (const link of links) {
      if (!at.has(link.other) || link.other === id) continue;
      const [a, b] = id < link.other ? [id, link.other] : [link.other, id];
      const key = `${a}\u0000${b}`;
      const pair = pairs.get(key) ?? { a, b };
      if (id === a) pair.ab = link;
      else pair.ba = link;
      pairs.set(key, pair);
    }
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  const linked = [...pairs.values()].filter((p) => isText(p) || (facts(p) >= MIN_FACT_PAIRS && daysApart(byId.get(p.a)!, byId.get(p.b)!) <= FACT_LINK_DAYS));
  const sets = unionFind(articles.length);
  for (const p of linked) sets.union(at.get(p.a)!, at.get(p.b)!);
  const groups = new Map<number, StoryArticle[]>();
  for (const [i, a] of articles.entries()) {
    const root = sets.find(i);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  const pairsOf = new Map<number, Pair[]>();
  for (const p of linked) {
    const root = sets.find(at.get(p.a)!);
    pairsOf.set(root, [...(pairsOf.get(root) ?? []), p]);
  }
  const stories: Story[] = [];
  for (const [root, members] of groups) {
    if (members.length < 2 && !alone) continue;
    stories.push(story(members, pairsOf.get(root) ?? []));
  }
  return stories.sort((x, y) => y.latestReadAt.localeCompare(x.latestReadAt) || x.id.localeCompare(y.id));
}

const DAY_MS = 86_400_000;
const dayMs = (a: StoryArticle) => Date.parse(`${dayOf(a)}T00:00:00Z`);
const daysApart = (a: StoryArticle, b: StoryArticle) => Math.abs(dayMs(a) - dayMs(b)) / DAY_MS || 0;
const isText = (p: Pair) => (p.ab?.passages ?? 0) + (p.ba?.passages ?? 0) > 0;
const facts = (p: Pair) => Math.max(p.ab?.facts ?? 0, p.ba?.facts ?? 0);

function story(members: StoryArticle[], pairs: Pair[]): Story {
  const articles = [...members].sort(byPublication);
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const edges: StoryEdge[] = [];
  const framing: FramingDifference[] = [];
  const copied: Record<string, number> = Object.fromEntries(articles.map((a) => [a.id, 0]));
  for (const p of pairs) {
    // Edges in story order, so that `a` is the older version.
    const [a, b, ab, ba] = order.get(p.a)! <= order.get(p.b)! ? [p.a, p.b, p.ab, p.ba] : [p.b, p.a, p.ba, p.ab];
    const text = isText(p);
    const aCopied = ab?.coverage ?? 0;
    const bCopied = ba?.coverage ?? 0;
    const direction = text ? directionOf(byId.get(a)!, byId.get(b)!) : null;
    edges.push({
      a,
      b,
      aCopied,
      bCopied,
      text,
      translated: (ab?.translated ?? 0) + (ba?.translated ?? 0) > 0,
      facts: facts(p),
      from: direction?.from ?? null,
      via: direction?.via ?? null,
      confidence: direction?.inference.confidence ?? 'unknown',
    });
    copied[a] = Math.max(copied[a], aCopied);
    copied[b] = Math.max(copied[b], bCopied);
    // The newer version's differences from the older one read best ("this version hedges where … asserts").
    const newer = ba?.hints[0] ? { article: b, other: a, hint: ba.hints[0] } : ab?.hints[0] ? { article: a, other: b, hint: ab.hints[0] } : null;
    if (newer) framing.push(newer);
  }
  framing.sort((x, y) => hintRank(x.hint.type) - hintRank(y.hint.type) || order.get(x.article)! - order.get(y.article)!);
  edges.sort((x, y) => order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
  // The story's origin from the articles that share text: facts retold say nothing of who wrote first.
  const sharing = articles.filter((a) => edges.some((e) => e.text && (e.a === a.id || e.b === a.id)));
  const origin = inferOrigin(sharing.map(copyOfArticle));
  return {
    id: articles[0].id,
    articles,
    latestReadAt: articles.reduce((m, a) => (a.readAt > m ? a.readAt : m), ''),
    origin,
    edges,
    copied,
    framing: framing.slice(0, FRAMING_PER_STORY),
    graph: storyGraph(articles, edges, origin),
  };
}
