import { makeRng, type Rng } from './prng';
import type { RealText } from './real-text';

export interface SyntheticOptions {
  count: number;
  seed: number;
  minWords?: number;
  maxWords?: number;
  /** Chance that a word is swapped for another real word: keeps dispatches distinct, so n-grams are not all shared. */
  mutationRate?: number;
}

export interface TextDoc {
  id: string;
  text: string;
}

/** How `syntheticCorpus` makes its dispatches, for the bench to print beside its figures. */
export function describeSynthetic(real: RealText, o: Required<Omit<SyntheticOptions, 'count' | 'seed'>>): string {
  return (
    `each dispatch ${o.minWords}–${o.maxWords} words of real sentences drawn at random ` +
    `(seeded) from ${real.sentences.length} sentences / ${real.words} words, ` +
    `about 1 word in ${Math.round(1 / o.mutationRate)} swapped for another of ${real.vocabulary.length} real words, ` +
    `2–5 sentences per paragraph`
  );
}

export const syntheticDefaults = { minWords: 300, maxWords: 700, mutationRate: 1 / 8 };

/** Real sentences held out of the corpus pool: the page's spliced passages come from dispatches made of these. */
export function holdOut(real: RealText, count: number, rng: Rng): { pool: RealText; held: RealText } {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, real.sentences.length)) picked.add(rng.int(0, real.sentences.length - 1));
  return {
    pool: { ...real, sentences: real.sentences.filter((_, i) => !picked.has(i)) },
    held: { ...real, sentences: real.sentences.filter((_, i) => picked.has(i)) },
  };
}

const EDGE_RE = /^([^\p{L}\p{N}]*)[\s\S]*?([^\p{L}\p{N}]*)$/u;

/** Replaces the word inside a token, keeping its surrounding punctuation ("Biden," → "mardi,"). */
function swapWord(token: string, word: string): string {
  const m = EDGE_RE.exec(token);
  return m ? m[1] + word + m[2] : word;
}

function mutatedSentence(tokens: readonly string[], real: RealText, rate: number, rng: Rng): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = rng.next() < rate ? swapWord(tokens[i], rng.pick(real.vocabulary)) : tokens[i];
    out += i === 0 ? t : ' ' + t;
  }
  return out;
}

/** Deterministic dispatches made of lightly mutated real sentences, ids `syn-00001`... */
export function syntheticCorpus(real: RealText, options: SyntheticOptions): TextDoc[] {
  const { minWords, maxWords, mutationRate } = { ...syntheticDefaults, ...options };
  if (real.sentences.length === 0) throw new Error('syntheticCorpus: no real sentences to draw from');
  const rng = makeRng(options.seed);
  const docs: TextDoc[] = [];
  const width = String(options.count).length;
  for (let d = 0; d < options.count; d++) {
    const target = rng.int(minWords, maxWords);
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    let paragraphSize = rng.int(2, 5);
    let words = 0;
    while (words < target) {
      const tokens = rng.pick(real.sentences);
      paragraph.push(mutatedSentence(tokens, real, mutationRate, rng));
      words += tokens.length;
      if (paragraph.length === paragraphSize) {
        paragraphs.push(paragraph.join(' '));
        paragraph = [];
        paragraphSize = rng.int(2, 5);
      }
    }
    if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
    docs.push({ id: `syn-${String(d + 1).padStart(width, '0')}`, text: paragraphs.join('\n\n') });
  }
  return docs;
}
