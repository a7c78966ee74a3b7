import { langOf, type FactLang } from '../facts/lexicon';
import { tokenize } from '../tokenize';
import type { Passage, Span, StoryVerdict } from '../types';
import type { FactsIndex } from '../facts/facts-index';
import type { FactsView } from '../segments/facts-view';
import { dispatchesSharingTerms } from './candidates';
import { alignPrepared, confidentPairs, isTranslation, prepareSide, type PreparedSide } from './translation';

/**
 * At most this many dispatches in the other language are aligned sentence by sentence with a page,
 * those sharing the most same-fact pairs with it first: a translation shares facts sentence after
 * sentence, and each alignment costs some 10-40 ms on a long article.
 */
export const MAX_TRANSLATION_CANDIDATES = 4;

export interface TranslationFindings {
  /** One `translated` verdict per dispatch the page translates (or that translates the page). */
  verdicts: StoryVerdict[];
  /** Each sentence of the page paired with its original, as a passage of kind `translated`. */
  passages: Passage[];
}

/** Language of a text from its function words (a dispatch's declared language is not at hand here). */
export function textLang(text: string, declared?: string): FactLang {
  return langOf(declared, tokenize(text, true, 0, Math.min(text.length, 4000)).words!);
}

/** The page's own text and the facts index: the second way to find what it translates. */
export interface TranslationSearch {
  text: string;
  facts: FactsIndex | FactsView;
}

/**
 * Dispatches worth aligning with a page as possible translations, in the other language: those
 * with the most same-fact pairs with it, and those holding most of its names, figures and
 * concepts (dispatchesSharingTerms), which finds a translation none of whose sentences passes
 * as the same fact. The best of the second kind always gets a place.
 */
export function translationCandidates(
  sameFacts: readonly Passage[],
  pageLang: FactLang,
  getText: (id: string) => string | undefined,
  skip: ReadonlySet<string>,
  search?: TranslationSearch,
): { id: string; text: string; lang: FactLang }[] {
  const counts = new Map<string, number>();
  for (const p of sameFacts) if (p.kind === 'same-fact' && !skip.has(p.dispatch)) counts.set(p.dispatch, (counts.get(p.dispatch) ?? 0) + 1);
  const byPairs = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const byTerms = search ? dispatchesSharingTerms(search.text, pageLang, search.facts, MAX_TRANSLATION_CANDIDATES, skip) : [];
  const out: { id: string; text: string; lang: FactLang }[] = [];
  const taken = new Set<string>();
  const take = (id: string, room: number) => {
    if (taken.has(id) || out.length >= room) return;
    taken.add(id);
    const text = getText(id);
    if (text === undefined) return;
    const lang = textLang(text);
    if (lang !== pageLang) out.push({ id, text, lang });
  };
  for (const id of byPairs) take(id, MAX_TRANSLATION_CANDIDATES - 1);
  if (byTerms.length) take(byTerms[0], MAX_TRANSLATION_CANDIDATES);
  for (const id of [...byPairs, ...byTerms]) take(id, MAX_TRANSLATION_CANDIDATES);
  return out;
}

/**
 * Aligns the page with each candidate sentence by sentence; those the page translates with high
 * coverage (TRANSLATED_MIN_COVERAGE of its sentences paired with confidence) become `translated`
 * verdicts, their confident pairs `translated` passages. Coverage is the share of the page's
 * sentences paired.
 */
export function findTranslations(pageText: string, pageLang: FactLang, candidates: readonly { id: string; text: string; lang: FactLang }[]): TranslationFindings {
  const verdicts: StoryVerdict[] = [];
  const passages: Passage[] = [];
  if (!candidates.length) return { verdicts, passages };
  const page = prepareSide({ text: pageText, lang: pageLang });
  for (const c of candidates) {
    const source = prepareSide({ text: c.text, lang: c.lang });
    const alignment = alignPrepared(page, source);
    if (!isTranslation(alignment)) continue;
    const pairs = confidentPairs(alignment.pairs);
    for (const pair of pairs) {
      passages.push({
        dispatch: c.id,
        kind: 'translated',
        quote: false,
        score: pair.score,
        page: cover(page, pair.a),
        source: cover(source, pair.b),
        diff: [],
      });
    }
    verdicts.push({ id: c.id, relation: 'translated', coverage: alignment.coverageA, narrationCoverage: 0, passages: pairs.length });
  }
  verdicts.sort((a, b) => b.coverage - a.coverage || a.id.localeCompare(b.id));
  return { verdicts, passages };
}

/** The span from the first to the last of these sentences. */
function cover(side: PreparedSide, indices: readonly number[]): Span {
  const start = side.sentences[indices[0]].start;
  const end = side.sentences[indices[indices.length - 1]].end;
  return { start, end, text: side.text.slice(start, end) };
}
