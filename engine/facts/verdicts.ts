import type { DispatchVerdict, Passage, StoryVerdict } from '../types';

/**
 * Distinct page sentences a dispatch must tell too, with no text in common, for the page to be
 * the same story: one shared fact happens between any two articles on one topic (a background
 * sentence on NATO enlargement), two independent facts rarely do. Measured on the seeds, each read
 * against the others with its date: the four dispatches on the 7 December 2021 summit and its
 * aftermath share 1 to 8 facts pairwise (2 or more in 11 of 12 directed pairs), the 28 January
 * 2022 Putin–Macron call none with them; 3 would lose the AFP–RT retellings, which share 2.
 */
export const SAME_STORY_MIN_FACTS = 2;

/**
 * Verdicts once same-fact alignments are counted: the text verdicts come back unchanged (a
 * republication stays a republication), and each other dispatch telling at least
 * SAME_STORY_MIN_FACTS of the page's facts gets `same-story`, its coverage being the share of
 * the page's words in those sentences.
 */
export function factVerdicts(facts: readonly Passage[], pageWords: number, existing: readonly DispatchVerdict[] = []): StoryVerdict[] {
  const known = new Set(existing.map((v) => v.id));
  const byDispatch = new Map<string, Passage[]>();
  for (const p of facts) {
    if (p.kind !== 'same-fact' || known.has(p.dispatch)) continue;
    const list = byDispatch.get(p.dispatch) ?? [];
    list.push(p);
    byDispatch.set(p.dispatch, list);
  }
  const added: StoryVerdict[] = [];
  for (const [id, list] of byDispatch) {
    const sentences = new Set<number>();
    for (const p of list) sentences.add(p.page.start);
    if (sentences.size < SAME_STORY_MIN_FACTS) continue;
    let words = 0;
    for (const start of sentences.keys()) words += countWords(list.find((p) => p.page.start === start)!.page.text);
    added.push({
      id,
      relation: 'same-story',
      coverage: pageWords ? Math.round(Math.min(1, words / pageWords) * 1000) / 1000 : 0,
      narrationCoverage: 0,
      passages: list.length,
      facts: sentences.size,
    });
  }
  added.sort((a, b) => (b.facts ?? 0) - (a.facts ?? 0) || b.coverage - a.coverage || a.id.localeCompare(b.id));
  return [...existing, ...added];
}

function countWords(text: string): number {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
}

/**
 * Same-fact alignments that a text passage already shows: a sentence the page copied from a
 * dispatch is not also "the same fact in other words" from that dispatch.
 */
export function dropCovered(facts: readonly Passage[], textPassages: readonly Passage[]): Passage[] {
  return facts.filter(
    (f) => !textPassages.some((t) => t.dispatch === f.dispatch && t.kind !== 'same-fact' && t.page.start < f.page.end && f.page.start < t.page.end),
  );
}
