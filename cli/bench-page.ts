import type { Rng } from './prng';
import type { RealText } from './real-text';
import { splitSentences, splitWords } from './sentences';
import type { TextDoc } from './synthetic-corpus';

export interface SplicedPassage {
  dispatch: string;
  text: string;
  edited: boolean;
}

export interface BenchPage {
  text: string;
  words: number;
  /** Real pages whose article text hosts the passages. */
  hosts: string[];
  spliced: SplicedPassage[];
}

/** Consecutive sentences of a dispatch, 40 words or a little more, from a random place in it. */
function takePassage(doc: TextDoc, rng: Rng): string {
  const sentences = splitSentences(doc.text);
  const start = rng.int(0, Math.max(0, sentences.length - 4));
  const taken: string[] = [];
  let words = 0;
  for (let i = start; i < sentences.length && words < 40; i++) {
    taken.push(sentences[i]);
    words += splitWords(sentences[i]).length;
  }
  return taken.join(' ');
}

/** One word near the middle swapped for another real word: the "edited" kind of reuse. */
function changeOneWord(text: string, real: RealText, rng: Rng): string {
  const tokens = splitWords(text);
  const i = Math.floor(tokens.length / 2);
  let word = rng.pick(real.vocabulary);
  while (word === tokens[i]) word = rng.pick(real.vocabulary);
  tokens[i] = word;
  return tokens.join(' ');
}

/**
 * A page of about `targetWords` words: real article text (longest articles first) in paragraphs
 * of four sentences, with one passage of each donor spliced in as its own paragraph, spread
 * through the page. The last passage has one word changed, the others are verbatim.
 */
export function buildBenchPage(real: RealText, donors: readonly TextDoc[], rng: Rng, targetWords = 1500): BenchPage {
  const spliced = donors.map((d, i): SplicedPassage => {
    const passage = takePassage(d, rng);
    const edited = i === donors.length - 1;
    return { dispatch: d.id, text: edited ? changeOneWord(passage, real, rng) : passage, edited };
  });
  let words = spliced.reduce((n, p) => n + splitWords(p.text).length, 0);

  const host: string[] = [];
  const hosts: string[] = [];
  for (const article of real.articles) {
    if (words >= targetWords) break;
    hosts.push(article.name);
    for (const s of article.sentences) {
      if (words >= targetWords) break;
      host.push(s);
      words += splitWords(s).length;
    }
  }

  const paragraphs: string[] = [];
  for (let i = 0; i < host.length; i += 4) paragraphs.push(host.slice(i, i + 4).join(' '));
  const slots = paragraphs.length;
  // Insert from the end so earlier slot positions stay valid.
  for (let i = spliced.length - 1; i >= 0; i--) {
    const at = Math.floor((slots * (i + 1)) / (spliced.length + 1));
    paragraphs.splice(at, 0, spliced[i].text);
  }
  return { text: paragraphs.join('\n\n'), words, hosts, spliced };
}
