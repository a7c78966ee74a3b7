import { alignFacts, buildFactsIndex, SAME_FACT_THRESHOLD, type FactsIndex } from '../engine/index';
import type { EvalPair, EvalSentence } from './eval-set';

/** More than any page sentence can have: every dispatch the aligner keeps is returned. */
const ALL = 1_000_000;

export interface PairOutcome {
  pair: EvalPair;
  /** Best score alignFacts gave b with page a when asked for every pair (threshold 0); null when none. */
  score: number | null;
  /** Whether alignFacts, run as the extension runs it (default threshold), returned b for page a. */
  decided: boolean;
}

/**
 * Scores the pairs through the product's own path: every eval sentence is a dispatch of one
 * facts index (dates and languages of its article), and each pair's first sentence is the page,
 * aligned against the whole index with its own dispatch left out. `decided` is the aligner's
 * decision at its calibrated threshold; `score` comes from a second run with no threshold, for
 * the sweep (alignFacts keeps a pair when its score reaches the threshold, so the two agree).
 */
export function scorePairs(sentences: readonly EvalSentence[], pairs: readonly EvalPair[], threshold = SAME_FACT_THRESHOLD): PairOutcome[] {
  const index = buildFactsIndex(sentences.map((s) => ({ id: s.id, text: s.text, date: s.date, language: s.lang })));
  const runs = new Map<string, { scores: Map<string, number>; decided: Set<string> }>();
  for (const p of pairs) {
    if (!runs.has(p.a.id)) runs.set(p.a.id, alignPage(p.a, index, threshold));
  }
  return pairs.map((pair) => {
    const run = runs.get(pair.a.id)!;
    return { pair, score: run.scores.get(pair.b.id) ?? null, decided: run.decided.has(pair.b.id) };
  });
}

function alignPage(page: EvalSentence, index: FactsIndex, threshold: number) {
  const options = { pageDate: page.date, pageLanguage: page.lang, exclude: [page.id], maxPerSentence: ALL, hints: false };
  const scores = new Map<string, number>();
  for (const passage of alignFacts(page.text, index, { ...options, threshold: 0 })) {
    scores.set(passage.dispatch, Math.max(scores.get(passage.dispatch) ?? 0, passage.score));
  }
  const decided = new Set(alignFacts(page.text, index, { ...options, threshold }).map((passage) => passage.dispatch));
  return { scores, decided };
}
