/** A stretch of a text to mark, in offsets relative to that text. */
export interface MarkLayer {
  start: number;
  end: number;
  kind: 'shared' | 'hint' | 'diff';
  /** For hints: which hint (its key in the view), so hovering a hint finds its words. */
  hint?: string;
}

/** A run of text and every mark over it. */
export interface MarkedPiece {
  text: string;
  shared: boolean;
  diff: boolean;
  hints: string[];
}

/**
 * Cuts a text at every mark boundary, so overlapping marks (a shared term inside a hint's words,
 * a hint over changed words) nest instead of breaking the text. Marks are clamped to the text.
 */
export function markPieces(text: string, layers: readonly MarkLayer[]): MarkedPiece[] {
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const valid = layers.map((l) => ({ ...l, start: clamp(l.start), end: clamp(l.end) })).filter((l) => l.end > l.start);
  const cuts = new Set<number>([0, text.length]);
  for (const l of valid) {
    cuts.add(l.start);
    cuts.add(l.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: MarkedPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (b <= a) continue;
    const over = valid.filter((l) => l.start <= a && l.end >= b);
    const piece: MarkedPiece = {
      text: text.slice(a, b),
      shared: over.some((l) => l.kind === 'shared'),
      diff: over.some((l) => l.kind === 'diff'),
      hints: over.filter((l) => l.kind === 'hint').map((l) => l.hint ?? ''),
    };
    const last = pieces[pieces.length - 1];
    if (last && last.shared === piece.shared && last.diff === piece.diff && last.hints.join('\u0000') === piece.hints.join('\u0000')) last.text += piece.text;
    else pieces.push(piece);
  }
  return pieces;
}

/** The changed runs of one side of a word diff as marks, when the segments spell the text; none otherwise. */
export function diffLayers(text: string, segments: readonly { text: string; changed: boolean }[]): MarkLayer[] {
  if (segments.map((s) => s.text).join('') !== text) return [];
  const layers: MarkLayer[] = [];
  let at = 0;
  for (const s of segments) {
    if (s.changed) layers.push({ start: at, end: at + s.text.length, kind: 'diff' });
    at += s.text.length;
  }
  return layers;
}
