import { buildBenchPage } from './bench-page';
import { makeRng } from './prng';
import { realTextFrom, type RealText } from './real-text';
import { splitWords } from './sentences';
import { holdOut, syntheticCorpus, type TextDoc } from './synthetic-corpus';

/**
 * The split the scale benches share: the first real articles (up to `pageWords` words) host the
 * bench page and are kept out of the corpus; of the rest, `heldOutSentences` sentences make two
 * donor dispatches the page retells, and the remaining pool feeds the synthetic corpus.
 */
export function benchHosts(articles: Parameters<typeof realTextFrom>[0], pageWords: number, heldOutSentences: number, seed: number) {
  const pageText: RealText = realTextFrom(articles);
  const hosts: typeof pageText.articles = [];
  for (let words = 0; words < pageWords && hosts.length < pageText.articles.length; ) {
    hosts.push(pageText.articles[hosts.length]);
    words += pageText.articles[hosts.length - 1].words;
  }
  const hostNames = new Set(hosts.map((a) => a.name));
  const real = realTextFrom(articles.filter((a) => !hostNames.has(a.name)));
  const split = holdOut(real, heldOutSentences, makeRng(seed + 3));
  const donorDocs = syntheticCorpus(split.held, { count: 2, seed: seed + 4 }).map((d, i) => ({ ...d, id: `donor-${i + 1}` }));
  return { pageText, hosts, split, donorDocs };
}

/** Distinct pages the alignment bench times once each: see unseenPages. */
export const UNSEEN_PAGES = 6;

/**
 * Pages a view has not aligned before, made as the bench page is (held-out host text, a passage of a
 * seed and of each donor dispatch spliced in), each from host text past the bench page's and past the page before: a
 * reader never opens the same page twice in a row, and the first alignment of a new page is what
 * a reader waits for. The corpus does not change (the host articles are held out of it already).
 */
export function unseenPages(pageText: RealText, hosts: RealText['articles'], seeds: readonly TextDoc[], donors: readonly TextDoc[], pageWords: number, seed: number): string[] {
  const sentences = hosts.flatMap((a) => a.sentences);
  const rng = makeRng(seed + 11);
  const out: string[] = [];
  // The bench page's host sentences come first and take fewer than pageWords words.
  let at = skipWords(sentences, 0, pageWords);
  while (out.length < UNSEEN_PAGES && at < sentences.length) {
    const end = skipWords(sentences, at, pageWords);
    const article = { name: `host-${out.length + 1}`, words: pageWords, sentences: sentences.slice(at, end) };
    out.push(buildBenchPage({ ...pageText, articles: [article] }, [rng.pick(seeds), ...donors], rng, pageWords).text);
    at = end;
  }
  return out;
}

/** Index of the first sentence past `words` words from sentence `from`. */
function skipWords(sentences: readonly string[], from: number, words: number): number {
  let at = from;
  for (let n = 0; n < words && at < sentences.length; at++) n += splitWords(sentences[at]).length;
  return at;
}
