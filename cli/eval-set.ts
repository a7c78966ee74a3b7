import { foldWord } from '../engine/fold';

/** How two sentences relate (tests/eval/LABELLING.md). */
export type Label = 'SAME' | 'PARTIAL' | 'TOPIC' | 'UNRELATED';
export type Lang = 'fr' | 'en';

export interface EvalArticle {
  url: string;
  outlet: string;
  lang: Lang;
  date: string;
}

export interface EvalSentenceData {
  id: string;
  article: string;
  /** Fact tags, one per fact the sentence states (act + occasion + time), local to the story. */
  facts: string[];
  text: string;
  /** When the sentence is in another language than its article (a quoted tweet). */
  lang?: Lang;
}

export interface EvalStory {
  story: string;
  articles: Record<string, EvalArticle>;
  sentences: EvalSentenceData[];
}

export interface EvalSentence {
  id: string;
  story: string;
  article: string;
  lang: Lang;
  date: string;
  text: string;
  facts: readonly string[];
}

export interface EvalPair {
  a: EvalSentence;
  b: EvalSentence;
  label: Label;
}

/** Flattens a story file, checking that every sentence names a known article and states a fact. */
export function storySentences(name: string, data: EvalStory): EvalSentence[] {
  const seen = new Set<string>();
  return data.sentences.map((s) => {
    const article = data.articles[s.article];
    if (!article) throw new Error(`${name}: sentence ${s.id} names unknown article "${s.article}"`);
    if (seen.has(s.id)) throw new Error(`${name}: duplicate sentence id ${s.id}`);
    if (!s.facts.length) throw new Error(`${name}: sentence ${s.id} states no fact`);
    seen.add(s.id);
    return { id: s.id, story: name, article: `${name}/${s.article}`, lang: s.lang ?? article.lang, date: article.date, text: s.text, facts: s.facts };
  });
}

/**
 * Label of two sentences from their fact tags: SAME when one states only facts the other states
 * too (the shorter one's fact is told in full by the other), PARTIAL when they share a fact and
 * each states another, TOPIC when they share none but belong to one story, UNRELATED otherwise.
 */
export function labelOf(a: EvalSentence, b: EvalSentence): Label {
  if (a.story !== b.story) return 'UNRELATED';
  const fb = new Set(b.facts);
  const shared = a.facts.filter((f) => fb.has(f)).length;
  if (shared === 0) return 'TOPIC';
  return shared === a.facts.length || shared === fb.size ? 'SAME' : 'PARTIAL';
}

const NUMBER_RE = /^\d+$/;

/**
 * Surface words two sentences share, by a tokenizer independent of the engine's (folded words of
 * five letters or more, and numbers): what makes a TOPIC pair a hard negative.
 */
export function surfaceOverlap(a: string, b: string): number {
  const words = (t: string) =>
    new Set(
      t
        .split(/[^\p{L}\p{N}]+/u)
        .map((w) => foldWord(w.toLowerCase()))
        .filter((w) => w.length >= 5 || (NUMBER_RE.test(w) && w.length >= 2)),
    );
  const wa = words(a);
  let n = 0;
  for (const w of words(b)) if (wa.has(w)) n++;
  return n;
}

/** Hard negatives share at least this many surface words (names, numbers, vocabulary). */
export const TOPIC_MIN_OVERLAP = 2;
/** One cross-story pair for every this many sentences. */
const UNRELATED_EVERY = 3;

/**
 * The evaluated pairs: every cross-article pair of a story that shares a fact (SAME, PARTIAL),
 * every cross-article TOPIC pair sharing TOPIC_MIN_OVERLAP surface words (the hard negatives: same
 * story, same actors, another act or occasion), and a fixed sample of UNRELATED cross-story pairs.
 * Two sentences of one article are never paired: alignment compares a page with other dispatches.
 */
export function buildPairs(sentences: readonly EvalSentence[]): EvalPair[] {
  const pairs: EvalPair[] = [];
  for (let i = 0; i < sentences.length; i++) {
    for (let j = i + 1; j < sentences.length; j++) {
      const a = sentences[i];
      const b = sentences[j];
      if (a.story !== b.story || a.article === b.article) continue;
      const label = labelOf(a, b);
      if (label === 'TOPIC' && surfaceOverlap(a.text, b.text) < TOPIC_MIN_OVERLAP) continue;
      pairs.push({ a, b, label });
    }
  }
  const stories = [...new Set(sentences.map((s) => s.story))];
  const byStory = new Map(stories.map((st) => [st, sentences.filter((s) => s.story === st)]));
  sentences.forEach((a, i) => {
    if (i % UNRELATED_EVERY !== 0 || stories.length < 2) return;
    const other = byStory.get(stories[(stories.indexOf(a.story) + 1) % stories.length])!;
    pairs.push({ a, b: other[i % other.length], label: 'UNRELATED' });
  });
  return pairs;
}

export function langPair(p: EvalPair): string {
  return p.a.lang === p.b.lang ? `${p.a.lang}-${p.a.lang}` : 'fr-en';
}

/** Half of a story by its rank in name order (even: A, odd: B): choose on one half, report on both. */
export function splitOf(storyNames: readonly string[], story: string): 'A' | 'B' {
  return [...storyNames].sort().indexOf(story) % 2 === 0 ? 'A' : 'B';
}
