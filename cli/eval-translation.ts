import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactLang } from '../engine/facts/lexicon';
import type { AlignedPair } from '../engine/translation/align';
import { alignSentenceLists, alignTranslation, confidentPairs, isTranslation } from '../engine/translation/translation';
import type { EvalStory } from './eval-set';

/** A real translation pair: excerpts of both versions, cut into sentences by hand, with the true alignment. */
export interface TranslationPair {
  name: string;
  /** Language of the original: the other side is the translation. */
  original: FactLang;
  date: string;
  en: { url: string; sentences: string[] };
  fr: { url: string; sentences: string[] };
  /** Added after the aligner and the lexicon were tuned on the other pairs: an unbiased check. */
  heldOut?: boolean;
  /** [english sentence indices, french sentence indices] of each sentence and its translation. */
  gold: [number[], number[]][];
}

export interface PairScore {
  name: string;
  /** Sentences of the translation that have an original in the excerpt. */
  withOriginal: number;
  /** Of those, paired by the aligner (with confidence) with exactly their original. */
  correct: number;
  /** Sentences of the translation paired with a sentence that is not their original (or that has none). */
  wrong: number;
  /** Share of the translation's sentences paired with confidence, as the verdict reads it. */
  coverage: number;
  translated: boolean;
}

export function loadTranslationPairs(dir: string): TranslationPair[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<TranslationPair, 'name'>), name: f.replace(/\.json$/, '') }));
}

/**
 * Aligns the translation with its original and counts, sentence by sentence of the translation,
 * those paired with exactly the sentences of their gold original.
 */
export function scoreTranslationPair(pair: TranslationPair): PairScore {
  const tr: FactLang = pair.original === 'en' ? 'fr' : 'en';
  const result = alignSentenceLists(pair[tr].sentences, tr, pair[pair.original].sentences, pair.original);
  const truth = new Map<number, string>();
  for (const [en, fr] of pair.gold) {
    const [mine, theirs] = tr === 'en' ? [en, fr] : [fr, en];
    for (const i of mine) truth.set(i, key(theirs));
  }
  const found = new Map<number, string>();
  for (const p of confidentPairs(result.pairs)) for (const i of p.a) found.set(i, key(p.b));
  let correct = 0;
  let wrong = 0;
  for (const [i, got] of found) {
    if (truth.get(i) === got) correct++;
    else wrong++;
  }
  return { name: pair.name, withOriginal: truth.size, correct, wrong, coverage: result.coverageA, translated: isTranslation(result) };
}

function key(list: readonly number[]): string {
  return [...list].sort((x, y) => x - y).join(',');
}

export interface StoryPairOutcome {
  story: string;
  a: string;
  b: string;
  coverage: number;
  /** Sentences of the article read as the page. */
  sentences: number;
  pairs: AlignedPair[];
  translated: boolean;
}

/**
 * Every French article against every English article of the same story (the labelled eval
 * stories: independent articles, never translations of each other), each read as the page.
 */
export function sameStoryPairs(storiesDir: string): StoryPairOutcome[] {
  const out: StoryPairOutcome[] = [];
  for (const f of readdirSync(storiesDir).filter((x) => x.endsWith('.json')).sort()) {
    const story = JSON.parse(readFileSync(join(storiesDir, f), 'utf8')) as EvalStory;
    const texts = new Map<string, { lang: FactLang; text: string }>();
    for (const [id, article] of Object.entries(story.articles)) {
      const sentences = story.sentences.filter((s) => s.article === id && (s.lang ?? article.lang) === article.lang).map((s) => s.text);
      if (sentences.length) texts.set(id, { lang: article.lang, text: sentences.join(' ') });
    }
    for (const [ida, a] of texts) {
      for (const [idb, b] of texts) {
        if (a.lang === b.lang) continue;
        const result = alignTranslation({ text: a.text, lang: a.lang }, { text: b.text, lang: b.lang });
        out.push({ story: f.replace(/\.json$/, ''), a: ida, b: idb, coverage: result.coverageA, sentences: result.sentencesA.length, pairs: result.pairs, translated: isTranslation(result) });
      }
    }
  }
  return out;
}
