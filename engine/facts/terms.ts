import { segmentSentences } from '../segment';
import { tokenize } from '../tokenize';
import { langOf, sentenceLang } from './lexicon';
import { dayNumber, NO_DAY } from './event-day';
import { anaphorAt, borrowSubjects } from './anaphora';
import { isUpper, UNIT_BREAK_RE } from './names';

import { sentenceTerms } from './sentence-terms';
import type { AnalyzedText, FactSentence } from './term-kinds';

export { dayNumber, NO_DAY } from './event-day';
// The kinds of terms and the shapes of a text's analysis live apart; their importers read them from here.
export { isContent, isCue, isWord, TermKind, type AnalyzedText, type FactSentence, type SentenceCues, type TermHit } from './term-kinds';

/**
 * Sentences of a text with their fact terms: stems of content words (concepts where a word list
 * joins paraphrases and translations), named entities through the gazetteer and capitalised words
 * inside a sentence, numbers with their digit groups joined (94 000 → 94000), and time cues.
 * `date` (the text's publication date) lets "mardi" or "14 décembre" pin the event to a day.
 */
export function analyzeText(text: string, language?: string, date?: string, from = 0, to = text.length): AnalyzedText {
  return analyze(text, language, date, from, to, true);
}

/**
 * The fact terms of text[from, to) read as one sentence: for a sentence already cut out (a passage
 * being compared), without the cost of segmenting it again.
 */
export function analyzeSpan(text: string, language: string | undefined, from: number, to: number): FactSentence {
  return analyze(text, language, undefined, from, to, false).sentences[0] ?? { span: { start: from, end: to, text: text.slice(from, to) }, lang: language === 'en' ? 'en' : 'fr', hits: [], cues: { weekdays: 0, months: 0, day: NO_DAY, acts: 0, occasions: 0 } };
}

function analyze(text: string, language: string | undefined, date: string | undefined, from: number, to: number, segment: boolean): AnalyzedText {
  const tokens = tokenize(text, true, from, to);
  const words = tokens.words!;
  const lang = langOf(language, words);
  const docDay = dayNumber(date);
  // A capitalised word opening a sentence is a name only if the text also capitalises it inside one.
  const midCaps = new Set<string>();
  for (let i = 1; i < tokens.count; i++) {
    const at = tokens.starts[i];
    if (isUpper(text.charCodeAt(at)) && !UNIT_BREAK_RE.test(text.slice(Math.max(0, at - 4), at))) midCaps.add(words[i]);
  }
  const spans = !segment
    ? [{ start: from, end: to, text: text.slice(from, to) }]
    : from === 0 && to === text.length
      ? segmentSentences(text, lang)
      : segmentSentences(text.slice(from, to), lang).map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
  const sentences: FactSentence[] = [];
  const anaphors: ({ start: number; end: number } | null)[] = [];
  let t = 0;
  for (const span of spans) {
    while (t < tokens.count && tokens.starts[t] < span.start) t++;
    let end = t;
    while (end < tokens.count && tokens.starts[end] < span.end) end++;
    sentences.push(sentenceTerms(text, span, tokens.starts, tokens.ends, words, t, end, sentenceLang(words, t, end, lang), midCaps, docDay));
    const a = anaphorAt(text, tokens.starts, tokens.ends, words, t, end);
    anaphors.push(a < 0 ? null : { start: tokens.starts[a], end: tokens.ends[a] });
    t = end;
  }
  borrowSubjects(sentences, anaphors);
  return { lang, sentences };
}
