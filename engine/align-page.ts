import type { CorpusIndex } from './corpus-index';
import { alignFacts } from './facts/align';
import type { FactsIndex } from './facts/facts-index';
import type { FactsView } from './segments/facts-view';
import type { TextView } from './segments/text-view';
import { dropCovered, factVerdicts } from './facts/verdicts';
import { withHints } from './hints/with-hints';
import { collator, lookUpPage, match, matchLooked, type MatchOptions, type PageLookup } from './match';
import { lookUpSampled, matchSampled, SampleView, type SampledLookup } from './match-sampled';
import { tokenize } from './tokenize';
import { findTranslations, textLang, translationCandidates } from './translation/verdicts';
import type { DispatchVerdict, Passage, StoryVerdict } from './types';

/** A page (or a dispatch read as one) aligned with the corpus: reused text and same facts. */
export interface TextAlignment {
  /** Text passages and same-fact pairs, by page start. */
  passages: Passage[];
  /** Text verdicts, then translated ones, then same-story ones. */
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

/** Where dispatch texts come from: those already in memory at once, the others by loading them. */
export interface TextSource {
  peek(id: string): string | undefined;
  /** Loads these texts so that peek then has them. */
  load(ids: string[]): Promise<void>;
}

/** One index of the corpus each, or the views of its segments. */
export interface Indexes {
  index: CorpusIndex | TextView;
  facts: FactsIndex | FactsView;
}

const KIND_ORDER: Record<Passage['kind'], number> = { verbatim: 0, edited: 1, translated: 2, 'same-fact': 3 };

/**
 * Matches a text against both indexes, reading only the dispatch texts it needs: the text-match
 * candidates first, then the dispatches the facts alignment paired with that were not in memory
 * (the alignment then runs once more, with them; with the texts in memory it runs once).
 */
export async function alignText(
  text: string,
  indexes: Indexes,
  source: TextSource,
  about: TextFacts,
  options: MatchOptions,
  steps: AlignSteps = {},
): Promise<TextAlignment> {
  const { getText, looked } = await loadCandidates(text, indexes.index, source, about, options);
  const missing = new Set<string>();
  const tracked = (id: string) => {
    const found = getText(id);
    if (found === undefined && !excludedOf(about).has(id)) missing.add(id);
    return found;
  };
  const first = await runPaused(alignSteps(text, indexes, tracked, about, options, looked, steps.copies), steps.pause);
  if (missing.size === 0) return first;
  await source.load([...missing]);
  return runPaused(alignSteps(text, indexes, getText, about, options, looked, steps.copies), steps.pause);
}

/** What a whole alignment can start from, and how it lets other work run between its steps. */
export interface AlignSteps {
  /** The copies found for this very text, text index, options and exclusions (findCopies): not found again. */
  copies?: Copies;
  /**
   * Awaited between the steps (text match, same facts, translations and verdicts), each a long
   * task on a large corpus; may throw to stop the alignment.
   */
  pause?: () => Promise<void>;
}

/** A text's copied passages with their hints and verdicts, as found, before sorting. */
export interface Copies {
  passages: Passage[];
  dispatches: DispatchVerdict[];
  pageWords: number;
}

/**
 * The text passages of a text alone (verbatim and edited copies with their hints, and their
 * verdicts), from the text index and the candidates' texts: what `alignText` gives of them, without
 * waiting for the same-fact alignment, which only adds passages of other kinds and verdicts after
 * these.
 */
export async function alignCopies(text: string, index: CopiesIndex, source: TextSource, about: TextFacts, options: MatchOptions): Promise<TextAlignment> {
  return copiesAlignment(await findCopies(text, index, source, about, options));
}

/** The copies alignCopies answers with, as found: the whole alignment of the same text can start from them (AlignSteps). */
export async function findCopies(text: string, index: CopiesIndex, source: TextSource, about: TextFacts, options: MatchOptions): Promise<Copies> {
  const { getText, looked } = await loadCandidates(text, index, source, about, options);
  return copiesOf(text, index, getText, options, looked);
}

/** The copies as an alignment of their own, passages by page start (see alignCopies). */
export function copiesAlignment(copies: Copies): TextAlignment {
  return { passages: sortPassages([...copies.passages]), dispatches: copies.dispatches, pageWords: copies.pageWords };
}

function excludedOf(about: TextFacts): Set<string> {
  return new Set(about.exclude ?? []);
}

/** What copies are found with: the text index, or the samples of its segments (a cold worker's first pages). */
export type CopiesIndex = Indexes['index'] | SampleView;

/** The page's lookup in the index copies are found with; a sampled one for the samples. */
type Looked = { sampled: false; at: PageLookup } | { sampled: true; at: SampledLookup };

/**
 * Loads the texts of the text match's candidates; returns the getter that leaves excluded ones
 * out, and the lookup, which the match that follows uses rather than looking the page up again.
 */
async function loadCandidates(
  text: string,
  index: CopiesIndex,
  source: TextSource,
  about: TextFacts,
  options: MatchOptions,
): Promise<{ getText: (id: string) => string | undefined; looked: Looked }> {
  const excluded = excludedOf(about);
  const looked: Looked = index instanceof SampleView ? { sampled: true, at: lookUpSampled(text, index, options) } : { sampled: false, at: lookUpPage(text, index, options) };
  const ids = looked.sampled ? looked.at.ids : looked.at.candidates.map((c) => c.id);
  await source.load(ids.filter((id) => !excluded.has(id)));
  return { getText: (id) => (excluded.has(id) ? undefined : source.peek(id)), looked };
}

/** The text match and its passages with their hints. */
function copiesOf(
  text: string,
  index: CopiesIndex,
  own: (id: string) => string | undefined,
  options: MatchOptions,
  looked?: Looked,
): Copies {
  let matched;
  if (index instanceof SampleView) matched = matchSampled(text, index, own, options, looked?.sampled ? looked.at : undefined);
  else if (looked && !looked.sampled) matched = matchLooked(text, looked.at, own, options);
  else matched = match(text, index, own, options);
  return { passages: withHints(matched.passages, text, own), dispatches: matched.dispatches, pageWords: matched.pageWords };
}

function sortPassages(passages: Passage[]): Passage[] {
  return passages.sort(
    (a, b) => a.page.start - b.page.start || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.score - a.score || collator.compare(a.dispatch, b.dispatch),
  );
}

/**
 * The whole alignment of a text with every dispatch text at hand: text passages with their hints,
 * same facts not already shown as copied text, and the verdicts of both.
 */
export function alignWith(
  text: string,
  indexes: Indexes,
  getText: (id: string) => string | undefined,
  about: TextFacts,
  options: MatchOptions,
): TextAlignment {
  const steps = alignSteps(text, indexes, getText, about, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps of an alignment, awaiting `pause` between them. */
async function runPaused(steps: Generator<void, TextAlignment>, pause?: () => Promise<void>): Promise<TextAlignment> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (pause) await pause();
  }
}

/** alignWith, step by step: it yields between the text match, the same facts and the rest. */
function* alignSteps(
  text: string,
  indexes: Indexes,
  getText: (id: string) => string | undefined,
  about: TextFacts,
  options: MatchOptions,
  looked?: Looked,
  found?: Copies,
): Generator<void, TextAlignment> {
  const excluded = excludedOf(about);
  const own = (id: string) => (excluded.has(id) ? undefined : getText(id));
  const copies = found ?? copiesOf(text, indexes.index, own, options, looked);
  if (!found) yield;
  const aligned = alignFacts(text, indexes.facts, { pageDate: about.date, pageLanguage: about.language, exclude: [...excluded], getText: own });
  yield;
  const sameFacts = dropCovered(aligned, copies.passages).filter((p) => !sameWords(p.page.text, p.source.text));
  // A dispatch in the other language that the page translates sentence by sentence: its same-fact
  // pairs and same-story verdict give way to the translated pairs and verdict.
  const withText = new Set(copies.dispatches.map((v) => v.id));
  const pageLang = textLang(text, about.language);
  const translations = findTranslations(text, pageLang, translationCandidates(sameFacts, pageLang, own, withText, { text, facts: indexes.facts }));
  const translated = new Set(translations.verdicts.map((v) => v.id));
  const facts = translated.size ? sameFacts.filter((p) => !translated.has(p.dispatch)) : sameFacts;
  const passages = sortPassages([...copies.passages, ...translations.passages, ...facts]);
  const verdicts = factVerdicts(facts, copies.pageWords, copies.dispatches);
  const textCount = copies.dispatches.length;
  return { passages, dispatches: [...verdicts.slice(0, textCount), ...translations.verdicts, ...verdicts.slice(textCount)], pageWords: copies.pageWords };
}

/**
 * A sentence copied word for word but too short to make a text passage (a subheading, a one-line
 * paragraph) is still a copy, not the same fact told in other words.
 */
function sameWords(a: string, b: string): boolean {
  const x = tokenize(a).hashes;
  const y = tokenize(b).hashes;
  return x.length === y.length && x.every((h, i) => h === y[i]);
}
