import {
  alignFacts,
  candidateIds,
  dropCovered,
  factVerdicts,
  match,
  withHints,
  type CorpusIndex,
  type FactsIndex,
  type MatchOptions,
} from '../engine/index';
import type { Passage, StoryVerdict } from '../engine/types';

/** A page (or a dispatch read as one) aligned with the corpus: reused text and same facts. */
export interface TextAlignment {
  /** Text passages and same-fact pairs, by page start. */
  passages: Passage[];
  /** Text verdicts, then same-story ones. */
  dispatches: StoryVerdict[];
  pageWords: number;
}

export interface TextFacts {
  /** Publication date the text states (ISO): same-fact alignment weighs events by it. */
  date?: string;
  /** Declared language; guessed from the words when absent. */
  language?: string;
  /** Dispatches that are this very text: neither reused from nor telling the same facts as it. */
  exclude?: readonly string[];
}

const KIND_ORDER: Record<Passage['kind'], number> = { verbatim: 0, edited: 1, 'same-fact': 2 };

/**
 * Matches a text against both indexes, reading only the dispatch texts it needs: the text-match
 * candidates and the dispatches the facts alignment found. Same facts already shown as copied
 * text are dropped; every passage gets its framing hints.
 */
export async function alignText(
  text: string,
  indexes: { index: CorpusIndex; facts: FactsIndex },
  loadTexts: (ids: string[]) => Promise<Map<string, string>>,
  about: TextFacts,
  options: MatchOptions,
): Promise<TextAlignment> {
  const excluded = new Set(about.exclude ?? []);
  const factOptions = { pageDate: about.date, pageLanguage: about.language, exclude: [...excluded] };
  // Without texts the facts pass only says which dispatches it pairs with; it is run again with
  // them below for the source spans, shared terms and hints (cheap next to reading the texts).
  const found = alignFacts(text, indexes.facts, { ...factOptions, hints: false });
  const wanted = new Set(candidateIds(text, indexes.index, options));
  for (const p of found) wanted.add(p.dispatch);
  for (const id of excluded) wanted.delete(id);
  const texts = await loadTexts([...wanted]);
  const getText = (id: string) => (excluded.has(id) ? undefined : texts.get(id));

  const matched = match(text, indexes.index, getText, options);
  const facts =
    found.length > 0
      ? dropCovered(alignFacts(text, indexes.facts, { ...factOptions, getText }), matched.passages).filter((p) => !sameWords(p.page.text, p.source.text))
      : [];
  const passages = [...withHints(matched.passages, text, getText), ...facts].sort(
    (a, b) => a.page.start - b.page.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score || a.dispatch.localeCompare(b.dispatch),
  );
  return { passages, dispatches: factVerdicts(facts, matched.pageWords, matched.dispatches), pageWords: matched.pageWords };
}

/**
 * A sentence copied word for word but too short to make a text passage (a subheading, a one-line
 * paragraph) is still a copy, not the same fact told in other words.
 */
function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');
  return words(a) === words(b);
}
