import { ABBREVIATIONS } from './text-sets';
import { foldWord } from './fold';
import type { Span } from './types';

const CLOSERS_RE = /^[\s»”"’'›)\]]+/;
const TRAILING_OPENER_RE = /\s[«“„"‹]\s*$/;
const LAST_WORD_RE = /([\p{L}\p{N}]+)\.\s*$/u;

/**
 * One segmenter per language, made on first use: making one loads the language's break rules,
 * which costs as much as segmenting a sentence or two, and a page's hints segment a passage per
 * edited copy. A segmenter keeps no state between texts.
 */
const segmenters = new Map<string, Intl.Segmenter>();
/** Languages come from imported dispatches too: a corpus naming many does not grow the map without end. */
const MAX_SEGMENTERS = 16;

function segmenterOf(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    if (segmenters.size >= MAX_SEGMENTERS) segmenters.clear();
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Sentences of a text, with offsets. Intl.Segmenter does the work; its breaks after abbreviations
 * ("M. | Dupont", "p. | 12") and initials are undone, and a closing quote mark it leaves at the
 * start of the next sentence (". | »") goes back to the sentence it closes.
 */
export function segmentSentences(text: string, lang = 'fr'): Span[] {
  const segmenter = segmenterOf(lang);
  const raw: { start: number; end: number }[] = [];
  for (const s of segmenter.segment(text)) raw.push({ start: s.index, end: s.index + s.segment.length });
  const merged: { start: number; end: number }[] = [];
  for (const seg of raw) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end);
      const opener = TRAILING_OPENER_RE.exec(prevText);
      if (opener && (!opener[0].includes('"') || straightQuotes(prevText) % 2 === 1)) {
        // An opening mark the segmenter left at the end of the previous sentence opens this one.
        prev.end -= opener[0].length - 1;
        seg.start = prev.end;
      }
      const closers = CLOSERS_RE.exec(text.slice(seg.start, seg.end));
      const closesPrevious =
        closers && closers[0].trim() && (!closers[0].includes('"') || straightQuotes(text.slice(prev.start, prev.end)) % 2 === 1);
      if (closers && closesPrevious) {
        const moved = seg.start + closers[0].length;
        prev.end = moved;
        seg.start = moved;
        if (seg.start >= seg.end) continue;
      }
      // The last word is all that matters, and reading only the end keeps long texts linear.
      const tail = text.slice(Math.max(prev.start, prev.end - 40), prev.end);
      if (endsWithAbbreviation(tail) && !tail.slice(tail.trimEnd().length).includes('\n')) {
        prev.end = seg.end;
        continue;
      }
    }
    merged.push({ ...seg });
  }
  const spans: Span[] = [];
  for (const { start, end } of merged) {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (!trimmed) continue;
    spans.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  }
  return spans;
}

function straightQuotes(s: string): number {
  let n = 0;
  for (const c of s) if (c === '"') n++;
  return n;
}

function endsWithAbbreviation(sentence: string): boolean {
  const m = LAST_WORD_RE.exec(sentence);
  if (!m) return false;
  const word = m[1];
  if (word.length === 1 && word !== word.toLowerCase()) return true;
  return ABBREVIATIONS.has(foldWord(word));
}
