import type { PassageKind } from '../../engine/types';

/** Strongest first: where passages of several kinds overlap, only the first one's tint shows. */
export const KIND_PRIORITY: readonly PassageKind[] = ['verbatim', 'edited', 'translated', 'same-fact'];

/** A stretch of page text to draw in one style: its kind's full style, or, under a stronger kind, its line alone. */
export interface Layer {
  kind: PassageKind;
  start: number;
  end: number;
  /** True where a stronger kind covers this text: drawn as an overline only, never a second tint or underline. */
  under: boolean;
}

/**
 * Cuts each highlighted stretch where a stronger kind covers it, so that two tints never mix into
 * a muddy colour and two underlines never sit on one line: the top kind draws its tint and its
 * underline, a kind beneath it only its overline. A saved comparison's mark is an overline too: where
 * it lies, the weaker kinds' overlines go, so no two overlines are stacked. Offsets are page-text
 * offsets; the stretches of one kind do not overlap one another (groupPassages merges them).
 */
export function layerHighlights(
  groups: readonly { kind: PassageKind; start: number; end: number }[],
  saved: readonly { start: number; end: number }[] = [],
): Layer[] {
  const layers: Layer[] = [];
  const stronger: [number, number][] = [];
  for (const kind of KIND_PRIORITY) {
    const own = groups.filter((g) => g.kind === kind && g.end > g.start).map((g) => [g.start, g.end] as [number, number]);
    for (const [start, end] of own) {
      let at = start;
      for (const [s, e] of covering(stronger, start, end)) {
        if (s > at) layers.push({ kind, start: at, end: s, under: false });
        layers.push({ kind, start: Math.max(s, at), end: Math.min(e, end), under: true });
        at = Math.min(e, end);
      }
      if (at < end) layers.push({ kind, start: at, end, under: false });
    }
    stronger.push(...own);
  }
  const savedSpans = saved.map((m) => [m.start, m.end] as [number, number]);
  return layers
    .flatMap((l) => (l.under ? outsideOf(covering(savedSpans, l.start, l.end), l) : [l]))
    .filter((l) => l.end > l.start)
    .sort((a, b) => a.start - b.start || KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind));
}

/** The parts of a layer outside the merged, sorted `spans` inside it. */
function outsideOf(spans: readonly [number, number][], layer: Layer): Layer[] {
  const out: Layer[] = [];
  let at = layer.start;
  for (const [s, e] of spans) {
    if (s > at) out.push({ ...layer, start: at, end: s });
    at = Math.max(at, e);
  }
  if (at < layer.end) out.push({ ...layer, start: at, end: layer.end });
  return out;
}

/** The parts of [start, end) that `spans` cover, merged and sorted. */
function covering(spans: readonly [number, number][], start: number, end: number): [number, number][] {
  const inside = spans
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]) => [Math.max(s, start), Math.min(e, end)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of inside) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}
