import { quoteSpans } from '../quotes';
import { tokenize } from '../tokenize';
import type { Hint, HintType, Span } from '../types';
import { analyzeSpan, type TermHit } from '../facts/terms';
import type { PhraseTable, Stance } from './lexicon';

/**
 * One version of a fact as the framing hints read it: its words with their offsets, which words
 * are quoted, and its fact terms. The attribution and hedges are read on first use and kept.
 */
export interface Version {
  text: string;
  span: Span;
  words: string[];
  starts: Uint32Array;
  ends: Uint32Array;
  /** 1 for words inside quotation marks. */
  quoted: Uint8Array;
  quotes: Span[];
  hits: TermHit[];
  /** Computed once, on first use. */
  attribution?: Attribution;
  hedges?: Found[];
}

export interface Found {
  /** Folded phrase, to compare versions. */
  key: string;
  span: Span;
}

export interface Credit extends Found {
  vague: boolean;
}

export interface Verb extends Found {
  stance: Stance;
}

export interface Attribution {
  credits: Credit[];
  verbs: Verb[];
}

/** How many hints of one type a pair shows at most. */
export const MAX_PER_TYPE = 3;

/**
 * The last versions read: one page sentence is compared with up to a handful of dispatches in a
 * row, and a dispatch sentence with several page sentences.
 */
const recent: { text: string; start: number; end: number; lang: string | undefined; version: Version }[] = [];
const RECENT_MAX = 16;

export function readCached(text: string, span: Span, lang: string | undefined): Version {
  const hit = recent.find((r) => r.text === text && r.start === span.start && r.end === span.end && r.lang === lang);
  if (hit) return hit.version;
  const version = read(text, span, lang);
  recent.unshift({ text, start: span.start, end: span.end, lang, version });
  if (recent.length > RECENT_MAX) recent.pop();
  return version;
}

function read(text: string, span: Span, lang: string | undefined): Version {
  const tokens = tokenize(text, true, span.start, span.end);
  const quotes = quoteSpans(text.slice(span.start, span.end)).map(([a, b]) => toSpan(text, span.start + a, span.start + b));
  const quoted = new Uint8Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) quoted[i] = quotes.some((q) => q.start < tokens.starts[i] && tokens.ends[i] < q.end) ? 1 : 0;
  const hits = analyzeSpan(text, lang, span.start, span.end).hits;
  return { text, span, words: tokens.words!, starts: tokens.starts, ends: tokens.ends, quoted, quotes, hits };
}

export function toSpan(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

export function empty(v: Version): Span {
  return { start: v.span.start, end: v.span.start, text: '' };
}

/** Phrases of a table found in a version, longest match at each word. */
export function phrases<T>(v: Version, table: PhraseTable<T>, outsideQuotes = false): (Found & { value: T; at: number; length: number })[] {
  const out: (Found & { value: T; at: number; length: number })[] = [];
  for (let i = 0; i < v.words.length; i++) {
    if (outsideQuotes && v.quoted[i]) continue;
    const list = table.get(v.words[i]);
    if (!list) continue;
    const entry = list.find((e) => e.words.every((w, k) => v.words[i + k] === w));
    if (!entry) continue;
    const n = entry.words.length;
    out.push({ key: entry.words.join(' '), span: toSpan(v.text, v.starts[i], v.ends[i + n - 1]), value: entry.value, at: i, length: n });
    i += n - 1;
  }
  return out;
}

export function hint(type: HintType, page: Span, source: Span, code: string, params: Record<string, string>, note: string): Hint {
  return { type, page, source, note, code, params };
}
