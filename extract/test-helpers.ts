import type { ExtractedArticle } from './types';
import { rangesFor } from './ranges';

/** Every broken promise of the piece contract, as messages (empty when the article is sound). */
export function pieceProblems(a: ExtractedArticle): string[] {
  const problems: string[] = [];
  let covered = 0;
  let lastEnd = 0;
  const coveredMask = new Uint8Array(a.text.length);
  a.pieces.forEach((p, i) => {
    const len = p.nodeEnd - p.nodeStart;
    if (len <= 0) problems.push(`piece ${i} is empty`);
    if (p.textStart < lastEnd) problems.push(`piece ${i} overlaps or is out of order`);
    if (p.nodeStart < 0 || p.nodeEnd > p.node.data.length) problems.push(`piece ${i} is outside its node`);
    const fromText = a.text.slice(p.textStart, p.textStart + len);
    const fromNode = p.node.data.slice(p.nodeStart, p.nodeEnd);
    if (fromText !== fromNode) problems.push(`piece ${i}: ${JSON.stringify(fromText)} != ${JSON.stringify(fromNode)}`);
    coveredMask.fill(1, p.textStart, p.textStart + len);
    covered += len;
    lastEnd = p.textStart + len;
  });
  // Only layout whitespace may lack a DOM position: a lost letter would be unhighlightable.
  for (let i = 0; i < a.text.length; i++) {
    if (!coveredMask[i] && a.text[i] !== ' ' && a.text[i] !== '\n') {
      problems.push(`character ${i} ${JSON.stringify(a.text[i])} has no piece`);
      break;
    }
  }
  if (problems.length === 0 && covered > a.text.length) problems.push('pieces cover more than the text');
  return problems;
}

/** The text the DOM holds at the positions rangesFor returns. */
export function domTextOf(a: ExtractedArticle, start: number, end: number): string {
  return rangesFor(a, start, end)
    .map((s) => s.node.data.slice(s.startOffset, s.endOffset))
    .join('');
}

/** article.text[start, end) without the characters that have no piece. */
export function coveredTextOf(a: ExtractedArticle, start: number, end: number): string {
  const mask = new Uint8Array(a.text.length);
  for (const p of a.pieces) mask.fill(1, p.textStart, p.textStart + p.nodeEnd - p.nodeStart);
  let out = '';
  for (let i = start; i < end; i++) if (mask[i]) out += a.text[i];
  return out;
}

/** Small deterministic PRNG so random slices are the same on every run. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
