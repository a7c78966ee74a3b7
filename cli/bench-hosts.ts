import { makeRng } from './prng';
import { realTextFrom, type RealText } from './real-text';
import { holdOut, syntheticCorpus } from './synthetic-corpus';

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
