import { detectLang } from '../facts/lexicon';
import { segmentSentences } from '../segment';
import { tokenize } from '../tokenize';
import type { Hint, Passage, Span } from '../types';
import { framingHints } from './framing';

/**
 * The passages with their framing hints, for every kind (an edited copy can change a verb or drop
 * a hedge as much as a retelling can). Passages that already carry hints keep them; a passage
 * whose dispatch text is unknown is returned as it is.
 */
export function withHints(passages: readonly Passage[], pageText: string, getText: (id: string) => string | undefined): Passage[] {
  const lang = detectLang(tokenize(pageText.slice(0, 4000), true).words!);
  return passages.map((p) => {
    if (p.hints) return p;
    const text = getText(p.dispatch);
    if (text === undefined) return p;
    const hints = p.kind === 'same-fact' ? framingHints(pageText, p.page, text, p.source, lang) : editHints(p, pageText, text, lang);
    return { ...p, hints };
  });
}

/**
 * A copied passage can run over many sentences that are the same on both sides: only the
 * sentences where the diff changes something are compared, each with the sentence of the
 * dispatch it was edited from (found through the diff's offsets).
 */
function editHints(p: Passage, pageText: string, sourceText: string, lang: string): Hint[] {
  const changes: [number, number][] = [];
  let at = p.page.start;
  let from = p.source.start;
  for (const op of p.diff) {
    if (op.op !== 0) changes.push([at, from]);
    if (op.op !== -1) at += op.text.length;
    if (op.op !== 1) from += op.text.length;
  }
  if (!changes.length) return [];
  const pageSentences = sentencesIn(pageText, p.page, lang);
  const sourceSentences = sentencesIn(sourceText, p.source, lang);
  const seen = new Set<string>();
  const out: Hint[] = [];
  for (const [pageAt, sourceAt] of changes) {
    const ps = containing(pageSentences, pageAt);
    const ss = containing(sourceSentences, sourceAt);
    if (!ps || !ss || seen.has(`${ps.start}:${ss.start}`)) continue;
    seen.add(`${ps.start}:${ss.start}`);
    out.push(...framingHints(pageText, ps, sourceText, ss, lang));
  }
  return out;
}

function sentencesIn(text: string, span: Span, lang: string): Span[] {
  return segmentSentences(span.text, lang).map((s) => ({ start: s.start + span.start, end: s.end + span.start, text: s.text }));
}

/** The sentence holding offset `at`, or the one just before it (a change at a sentence's very end). */
function containing(sentences: readonly Span[], at: number): Span | undefined {
  let found: Span | undefined;
  for (const s of sentences) {
    if (s.start > at) break;
    found = s;
  }
  return found;
}
