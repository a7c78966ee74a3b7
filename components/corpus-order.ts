import type { DispatchInfo } from '../messaging/protocol';

/** The reader's own dispatches first, then newest first, then by outlet: what was just added is at the top. */
export function corpusOrder(list: readonly DispatchInfo[]): DispatchInfo[] {
  return [...list].sort(
    (a, b) =>
      Number(a.source === 'bundled') - Number(b.source === 'bundled') ||
      b.date.localeCompare(a.date) ||
      a.outlet.localeCompare(b.outlet) ||
      a.id.localeCompare(b.id),
  );
}

export function corpusCounts(list: readonly DispatchInfo[]): { count: number; bundled: number; imported: number } {
  const bundled = list.filter((d) => d.source === 'bundled').length;
  return { count: list.length, bundled, imported: list.length - bundled };
}
