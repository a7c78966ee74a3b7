import type { PageResult } from '../../messaging/protocol';
import type { CardFact, CardItem } from '../../components/CardView';
import { hintText } from '../../components/hint-text';
import { readNote } from '../../components/read-note';
import { sharpestHint } from '../../engine/hints/sharpest';
import type { Hint } from '../../engine/types';
import { KIND_PRIORITY } from './highlight-layers';


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
    const item: CardItem = {
      index,
      outlet: info?.outlet ?? '',
      // Who wrote this passage first (a copy may mix sources), else the dispatch's origin.
      origin: p.origins?.join(' + ') ?? info?.origin ?? '',
      chain: info?.chain ?? [],
      kind: p.kind,
      quote: p.quote,
      score: p.score,
    };
    const note = readNote(info);
    if (note) item.readNote = note;
    items.push(item);
  }
  // In the page's kind priority (copied text before the same fact in other words), then by score: the first item is the card's chosen source.
  return items.sort((a, b) => (a.kind === b.kind ? b.score - a.score : KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind)));
}

/**
 * For same-fact passages under the pointer: how many outlets tell the fact (distinct dispatches
 * aligned with the same page sentence) and the sharpest framing difference among them, worded
 * in the interface language. Undefined when none of the passages is same-fact.
 */
export function cardFact(result: Pick<PageResult, 'passages' | 'dispatchInfo'>, indices: number[]): CardFact | undefined {
  const facts = indices.map((i) => result.passages[i]).filter((p) => p?.kind === 'same-fact');
  if (facts.length === 0) return undefined;
  const outlets = new Set<string>();
  for (const p of result.passages) {
    if (p.kind === 'same-fact' && facts.some((f) => f.page.start < p.page.end && p.page.start < f.page.end)) outlets.add(p.dispatch);
  }
  const owner = new Map<Hint, string>();
  for (const p of facts) for (const h of p.hints ?? []) owner.set(h, p.dispatch);
  const sharpest = sharpestHint([...owner.keys()]);
  if (!sharpest) return { outlets: outlets.size };
  const id = owner.get(sharpest)!;
  const outlet = result.dispatchInfo[id]?.outlet ?? id;
  return { outlets: outlets.size, sharpest: { outlet, text: hintText(sharpest, outlet) } };
}
