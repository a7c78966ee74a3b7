import abbreviations from './data/abbreviations.json';
import boilerplate from './data/boilerplate.json';
import stopwords from './data/stopwords.json';
import { foldWord } from './fold';

export const ABBREVIATIONS: ReadonlySet<string> = new Set(abbreviations.words);
export const STOPWORDS: ReadonlySet<string> = new Set([...stopwords.fr, ...stopwords.en].map(foldWord));
/** Stock phrases as folded word sequences, keyed by their first word for a one-pass scan. */
export const BOILERPLATE_BY_FIRST: ReadonlyMap<string, readonly string[][]> = (() => {
  const map = new Map<string, string[][]>();
  for (const phrase of boilerplate.phrases) {
    const words = phrase.split(' ');
    const list = map.get(words[0]) ?? [];
    list.push(words);
    map.set(words[0], list);
  }
  return map;
})();

export const BOILERPLATE_MAX_WORDS = Math.max(...boilerplate.phrases.map((p) => p.split(' ').length));
