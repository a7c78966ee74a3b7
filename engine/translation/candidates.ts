import { findTerm, forEachPosting, postingLists, termHash, type FactsIndex } from '../facts/facts-index';
import type { FactLang } from '../facts/lexicon';
import { pageTerms } from '../facts/page-analysis';
import { TermKind } from '../facts/terms';
import { factsView, type FactsView } from '../segments/facts-view';

/**
 * Terms a sentence and its translation keep whatever the language: names, figures, dated days,
 * and the concepts (engine/data/concepts.json) that key French and English words alike. Stems are
 * left out: shared across languages they are cognates more often than translations.
 */
function carries(kind: TermKind): boolean {
  return kind === TermKind.Entity || kind === TermKind.Number || kind === TermKind.DayMonth || kind === TermKind.Concept;
}

/** Postings walked at most per page: the work stays bounded however large the corpus. */
export const TERM_WALK_BUDGET = 20_000;
/** A dispatch is a candidate when it holds at least this many of the page's distinct terms... */
export const MIN_SHARED_TERMS = 4;
/** ...and at least this share of them (a translation keeps most names, figures and words). */
export const MIN_SHARED_SHARE = 0.2;

/**
 * Dispatches in the other language that hold many of the page's names, figures and concepts, most first: a translation
 * is found this way even when none of its sentences passes as the same fact told in other words
 * (a speech or a communiqué whose sentences are long and carry few rare words). Rare terms are
 * walked first, common ones (see FactsView.isCommon) never.
 */
export function dispatchesSharingTerms(pageText: string, pageLang: FactLang, facts: FactsIndex | FactsView, max: number, exclude: ReadonlySet<string>): string[] {
  const view = factsView(facts);
  const hashes = new Map<number, number>();
  // The page's analysis made by alignFacts just before, when it read the page in this language.
  for (const sentence of pageTerms(pageText, pageLang).sentences) {
    for (const hit of sentence.hits) if (carries(hit.kind)) hashes.set(termHash(hit.key), 0);
  }
  const terms: { hash: number; sentences: number }[] = [];
  for (const hash of hashes.keys()) {
    const stats = view.term(hash);
    if (stats && !view.isCommon(stats)) terms.push({ hash, sentences: stats.sentences });
  }
  const total = hashes.size;
  if (total < MIN_SHARED_TERMS) return [];
  terms.sort((a, b) => a.sentences - b.sentences || a.hash - b.hash);
  const wantLang = pageLang === 'en' ? 0 : 1;
  const shared = new Map<string, { count: number; last: number }>();
  // The postings a segment does not store are read from its forward lists in one pass, for every
  // term the walk can reach: it walks at least a term's live sentences, so no term after those
  // that already sum to the budget.
  const reach: number[] = [];
  for (let t = 0, sum = 0; t < terms.length && sum < TERM_WALK_BUDGET; sum += terms[t++].sentences) reach.push(terms[t].hash);
  for (const { index } of view.parts) postingLists(index, reach.map((hash) => findTerm(index, hash)).filter((k) => k >= 0));
  let walked = 0;
  terms.forEach(({ hash }, t) => {
    if (walked >= TERM_WALK_BUDGET) return;
    for (const { index, dead } of view.parts) {
      const k = findTerm(index, hash);
      if (k < 0) continue;
      forEachPosting(index, k, (s) => {
        walked++;
        const d = index.sentDoc[s];
        if (index.docLang[d] !== wantLang || dead?.[d]) return;
        const id = index.ids[d];
        const entry = shared.get(id);
        // Each term counts once per dispatch, however many of its sentences hold it.
        if (!entry) shared.set(id, { count: 1, last: t });
        else if (entry.last !== t) {
          entry.count++;
          entry.last = t;
        }
      });
    }
  });
  return [...shared]
    .filter(([id, e]) => !exclude.has(id) && e.count >= MIN_SHARED_TERMS && e.count >= MIN_SHARED_SHARE * total)
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([id]) => id);
}
