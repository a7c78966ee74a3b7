import type { OriginInference } from '../origin';
import type { GraphArrow, GraphNode, StoryArticle, StoryEdge } from './types';

/**
 * The story as a graph of outlets: one node per outlet (articles of one site are one node), plus
 * the likely origin when it is an agency none of the articles comes from; an arrow from whoever
 * most likely wrote the text to each outlet that republishes it, a plain line between outlets
 * that share text of unknown direction or only facts.
 */
export function storyGraph(articles: readonly StoryArticle[], edges: readonly StoryEdge[], origin: OriginInference): { nodes: GraphNode[]; arrows: GraphArrow[] } {
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
  const nodes: GraphNode[] = [];
  const named = new Set<string>();
  const node = (name: string, kind: GraphNode['kind']) => {
    if (named.has(name)) return;
    named.add(name);
    nodes.push({ name, kind });
  };
  const arrows = new Map<string, GraphArrow>();
  const arrow = (next: GraphArrow) => {
    if (next.from === next.to) return;
    // One line per pair of outlets: a known direction wins over shared text, shared text over facts.
    const key = [next.from, next.to].sort().join('\u0000');
    const had = arrows.get(key);
    const rank = (a: GraphArrow) => (a.kind === 'copy' ? 2 : a.kind === 'shared' ? 1 : 0);
    if (!had || rank(next) > rank(had) || (rank(next) === rank(had) && next.copied > had.copied)) arrows.set(key, next);
  };
  // The agency first, so that it is drawn at the head of the graph.
  if (origin.origin && !articles.some((a) => a.outlet === origin.origin) && edges.some((e) => e.text)) node(origin.origin, 'agency');
  for (const a of articles) node(a.outlet, 'outlet');
  for (const e of edges) {
    const a = outletOf.get(e.a)!;
    const b = outletOf.get(e.b)!;
    const translated = e.translated ? { translated: true } : {};
    if (!e.text) arrow({ from: a, to: b, kind: 'facts', copied: 0 });
    else if (e.from === e.a) arrow({ from: a, to: b, kind: 'copy', copied: e.bCopied, ...translated });
    else if (e.from === e.b) arrow({ from: b, to: a, kind: 'copy', copied: e.aCopied, ...translated });
    else if (e.via) {
      node(e.via, 'agency');
      // Which of the two translates the agency's text is not known: its own-language copy is a copy.
      arrow({ from: e.via, to: a, kind: 'copy', copied: e.aCopied });
      arrow({ from: e.via, to: b, kind: 'copy', copied: e.bCopied });
    } else arrow({ from: a, to: b, kind: 'shared', copied: Math.max(e.aCopied, e.bCopied), ...translated });
  }
  return { nodes, arrows: [...arrows.values()] };
}
