import type { PageResult } from '../../messaging/protocol';
import type { CardItem } from '../../components/CardView';

/** What the card says about each passage, from the match reply (never from page markup). */
export function cardItems(result: Pick<PageResult, 'passages' | 'dispatchInfo'>, indices: number[]): CardItem[] {
  const seen = new Set<number>();
  const items: CardItem[] = [];
  for (const index of indices) {
    if (seen.has(index)) continue;
    seen.add(index);
    const p = result.passages[index];
    if (!p) continue;
    const info = result.dispatchInfo[p.dispatch];
    items.push({
      index,
      outlet: info?.outlet ?? '',
      origin: info?.origin ?? '',
      chain: info?.chain ?? [],
      kind: p.kind,
      quote: p.quote,
      score: p.score,
    });
  }
  // Verbatim before edited, then by score: the card's first item is its main action.
  return items.sort((a, b) => (a.kind === b.kind ? b.score - a.score : a.kind === 'verbatim' ? -1 : 1));
}
