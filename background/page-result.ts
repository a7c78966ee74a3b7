import type { DispatchInfo, PageResult } from '../messaging/protocol';

export interface PageInput {
  url: string;
  title: string;
  text: string;
}

/**
 * Wraps a match with what the views need to label it. Only dispatches the page relates to are
 * described, so the cached result stays small whatever the corpus size.
 */
export function toPageResult(
  match: Pick<PageResult, 'passages' | 'dispatches' | 'pageWords'>,
  page: PageInput,
  infoOf: (id: string) => DispatchInfo | undefined,
): PageResult {
  const dispatchInfo: Record<string, DispatchInfo> = {};
  const ids = [...match.dispatches.map((d) => d.id), ...match.passages.map((p) => p.dispatch)];
  for (const id of ids) {
    if (id in dispatchInfo) continue;
    const info = infoOf(id);
    if (info) dispatchInfo[id] = info;
  }
  return { passages: match.passages, dispatches: match.dispatches, pageWords: match.pageWords, url: page.url, title: page.title, text: page.text, dispatchInfo };
}

/** Passages of reused text (verbatim, edited): what the badge counts; same facts told in other words are not reuse. */
export function reusedPassages(result: Pick<PageResult, 'passages'>): number {
  return result.passages.filter((p) => p.kind !== 'same-fact').length;
}

/** The badge text: the number of passages, nothing when there are none. */
export function badgeText(passages: number): string {
  if (passages <= 0) return '';
  return passages > 999 ? '999+' : String(passages);
}
