import type { PageResult } from '../../messaging/protocol';
import type { CardItem } from '../../components/CardView';

/** What the card says about each passage: taken from the reply, never from page markup. */
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
  return items;
}
