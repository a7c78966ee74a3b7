import { TermKind, type FactSentence, type TermHit } from './terms';

/** Subject pronouns that stand for a named or described subject ("it" is too often expletive). */
const PRONOUNS = new Set(['il', 'elle', 'ils', 'elles', 'he', 'she', 'they']);
/** Demonstratives that open a noun phrase standing for what came before ("ces accusations"). */
const DEMONSTRATIVES = new Set(['ce', 'cet', 'cette', 'ces', 'this', 'these', 'that', 'those']);
/** A leading phrase longer than this many words before a comma is no opener ("Mardi, il..."). */
const MAX_OPENER_WORDS = 5;

/**
 * Where a sentence's subject is an anaphor: its first word, or the first word after a short
 * opening phrase ("Mardi soir, elle..."), when that word is a subject pronoun or a demonstrative
 * followed by a noun. Returns the anaphor's word index, or -1.
 */
export function anaphorAt(text: string, starts: Uint32Array, ends: Uint32Array, words: readonly string[], from: number, to: number): number {
  const isAnaphor = (i: number) => i < to && (PRONOUNS.has(words[i]) || (DEMONSTRATIVES.has(words[i]) && i + 1 < to));
  if (isAnaphor(from)) return from;
  for (let i = from; i < Math.min(to - 1, from + MAX_OPENER_WORDS); i++) {
    if (text.slice(ends[i], starts[i + 1]).includes(',')) return isAnaphor(i + 1) ? i + 1 : -1;
  }
  return -1;
}

/** The subject of a sentence as news writes it: its first name or content word. */
function subjectOf(sentence: FactSentence): TermHit | undefined {
  return sentence.hits.find((h) => h.kind === TermKind.Entity || h.kind === TermKind.Concept || h.kind === TermKind.Stem);
}

/**
 * A sentence whose subject is a pronoun or a demonstrative phrase ("Elle s'effondre", "These
 * accusations were denied") borrows the subject of the sentence before it, as a term placed on
 * the anaphor: "La flèche a pris feu. Elle s'effondre." then tells, like "La flèche s'effondre",
 * that the spire collapsed. `anaphors[i]` is sentence i's anaphor span, or null.
 */
export function borrowSubjects(sentences: FactSentence[], anaphors: readonly ({ start: number; end: number } | null)[]): void {
  for (let i = 1; i < sentences.length; i++) {
    const at = anaphors[i];
    if (!at) continue;
    const subject = subjectOf(sentences[i - 1]);
    if (!subject || sentences[i].hits.some((h) => h.key === subject.key)) continue;
    sentences[i].hits.unshift({ key: subject.key, kind: subject.kind, start: at.start, end: at.end });
  }
}
