import { analyzeText, type AnalyzedText } from './terms';

/**
 * The analysis of the last page aligned (alignFacts), kept for the step of the same alignment that
 * reads the page again: the translation candidates read its names, figures and concepts right
 * after, and analysing a long page costs several milliseconds (more on a page of words the worker
 * meets first). One page is kept, whatever its size: a page's analysis is a few hundred kilobytes.
 */
let kept: { text: string; analyzed: AnalyzedText } | null = null;

/** Keeps the analysis of `text` that alignFacts made (its sentences are not to be changed). */
export function keepPageAnalysis(text: string, analyzed: AnalyzedText): void {
  kept = { text, analyzed };
}

/**
 * The page's analysis in language `lang`: the one kept when it is of this text read in this
 * language, else a new one. Only its terms are the same (its time cues may be read against another
 * date): a sentence's terms depend on the text and its language alone.
 */
export function pageTerms(text: string, lang: 'fr' | 'en'): AnalyzedText {
  if (kept && kept.analyzed.lang === lang && kept.text === text) return kept.analyzed;
  return analyzeText(text, lang);
}
