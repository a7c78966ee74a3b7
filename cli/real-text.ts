import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences, splitWords } from './sentences';

export interface Article {
  name: string;
  text: string;
}

/** Real sentences and words to build benchmark corpora and pages from. */
export interface RealText {
  /** Sentences as whitespace-separated tokens (punctuation stays attached). */
  sentences: string[][];
  /** Distinct letter-only words, to mutate sentences with real vocabulary. */
  vocabulary: string[];
  /** Articles as sentences, longest first: the bench page is made of these. */
  articles: { name: string; words: number; sentences: string[] }[];
  words: number;
}

const LETTERS_RE = /^\p{L}{3,}$/u;
/** Scripts written without spaces between words: whitespace splitting makes no words of them. */
const UNSPACED_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/** Sentences of 4 to 60 words; text without spaces (CJK, Thai) or with huge tokens (URLs) is left out. */
function usable(words: string[]): boolean {
  return words.length >= 4 && words.length <= 60 && words.every((w) => w.length <= 30 && !UNSPACED_RE.test(w));
}

export function realTextFrom(articles: readonly Article[]): RealText {
  const sentences: string[][] = [];
  const vocabulary = new Set<string>();
  const byArticle: RealText['articles'] = [];
  let total = 0;
  for (const article of articles) {
    const kept: string[] = [];
    let words = 0;
    for (const s of splitSentences(article.text)) {
      const tokens = splitWords(s);
      if (!usable(tokens)) continue;
      sentences.push(tokens);
      kept.push(s);
      words += tokens.length;
      for (const t of tokens) if (LETTERS_RE.test(t)) vocabulary.add(t);
    }
    total += words;
    if (kept.length > 0) byArticle.push({ name: article.name, words, sentences: kept });
  }
  byArticle.sort((a, b) => b.words - a.words);
  return { sentences, vocabulary: [...vocabulary], articles: byArticle, words: total };
}

/** Article text of every saved page the extraction accepts, in file-name order. */
export function readRealPages(
  dir: string,
  extract: (html: string) => { text: string } | null,
): { articles: Article[]; skipped: number } {
  const articles: Article[] = [];
  let skipped = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const article = extract(readFileSync(join(dir, name), 'utf8'));
    if (article && article.text.trim()) articles.push({ name, text: article.text });
    else skipped++;
  }
  return { articles, skipped };
}
