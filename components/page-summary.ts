import type { Passage } from '../engine/types';
import type { PageResult } from '../messaging/protocol';

/** How the page's words came from one origin: copied (verbatim or edited) or translated. */
export interface SourceShare {
  origin: string;
  kind: 'copy' | 'translation';
  /** Page words attributed to this origin and kind (each page word to one share at most). */
  words: number;
  /** words / page words, 0..1. */
  share: number;
  /** Outlets of the corpus whose copies carried these passages (the origin itself left out). */
  outlets: string[];
  /** The dispatches whose passages made this share. */
  dispatches: string[];
}

/** What the popup says at a glance, and what the side panel counts: one computation for both. */
export interface PageSummary {
  pageWords: number;
  /** Largest first. */
  shares: SourceShare[];
  /** Passages reusing text (verbatim, edited), sentences translated, sentences told elsewhere. */
  counts: { reused: number; translated: number; sameFact: number };
  /** Outlets telling the page's facts in other words. */
  sameFactOutlets: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Who wrote a passage first: its own origin when its dispatch says so paragraph by paragraph, else the dispatch's. */
export function passageOrigin(passage: Passage, result: Pick<PageResult, 'dispatchInfo'>): string {
  const info = result.dispatchInfo[passage.dispatch];
  return passage.origins?.[0] || info?.origin || info?.outlet || passage.dispatch;
}

function kindOf(passage: Passage): SourceShare['kind'] | null {
  if (passage.kind === 'verbatim' || passage.kind === 'edited') return 'copy';
  if (passage.kind === 'translated') return 'translation';
  return null;
}

/** Distinct page sentences (by start) of a kind: several dispatches may tell the same sentence. */
function distinctStarts(passages: readonly Pick<Passage, 'kind' | 'page'>[], kind: Passage['kind']): number {
  return new Set(passages.filter((p) => p.kind === kind).map((p) => p.page.start)).size;
}

/** The counts every view gives: reused passages, translated sentences, sentences told elsewhere. */
export function passageCounts(passages: readonly Pick<Passage, 'kind' | 'page'>[]): PageSummary['counts'] {
  return {
    reused: passages.filter((p) => p.kind === 'verbatim' || p.kind === 'edited').length,
    translated: distinctStarts(passages, 'translated'),
    sameFact: distinctStarts(passages, 'same-fact'),
  };
}

/**
 * The page's words by origin: each word goes to one share, copy before translation, and among
 * origins to the one covering most words (a sentence of both an AFP and a Reuters copy counts once).
 */
export function pageSummary(result: Pick<PageResult, 'passages' | 'dispatchInfo' | 'text' | 'pageWords'>): PageSummary {
  const words = [...result.text.matchAll(WORD)].map((m) => m.index ?? 0);
  const pageWords = words.length || result.pageWords;
  const candidates = words.map(() => [] as string[]);
  const groups = new Map<string, { origin: string; kind: SourceShare['kind']; dispatches: Set<string>; reach: number }>();

  for (const passage of result.passages) {
    const kind = kindOf(passage);
    if (!kind) continue;
    const origin = passageOrigin(passage, result);
    const key = `${kind}\u0000${origin}`;
    const group = groups.get(key) ?? { origin, kind, dispatches: new Set<string>(), reach: 0 };
    group.dispatches.add(passage.dispatch);
    groups.set(key, group);
    words.forEach((at, i) => {
      if (at >= passage.page.start && at < passage.page.end && !candidates[i].includes(key)) {
        candidates[i].push(key);
        group.reach++;
      }
    });
  }

  const counted = new Map<string, number>();
  for (const keys of candidates) {
    if (keys.length === 0) continue;
    const best = keys.reduce((a, b) => {
      const ga = groups.get(a)!;
      const gb = groups.get(b)!;
      if (ga.kind !== gb.kind) return ga.kind === 'copy' ? a : b;
      return gb.reach > ga.reach ? b : a;
    });
    counted.set(best, (counted.get(best) ?? 0) + 1);
  }

  const shares: SourceShare[] = [...counted].map(([key, n]) => {
    const group = groups.get(key)!;
    const dispatches = [...group.dispatches];
    const outlets = [...new Set(dispatches.map((id) => result.dispatchInfo[id]?.outlet ?? id))].filter((o) => o !== group.origin);
    return { origin: group.origin, kind: group.kind, words: n, share: pageWords > 0 ? n / pageWords : 0, outlets, dispatches };
  });
  shares.sort((a, b) => b.words - a.words || (a.kind === b.kind ? 0 : a.kind === 'copy' ? -1 : 1));

  const told = result.passages.filter((p) => p.kind === 'same-fact');
  return {
    pageWords,
    shares,
    counts: passageCounts(result.passages),
    sameFactOutlets: [...new Set(told.map((p) => result.dispatchInfo[p.dispatch]?.outlet ?? p.dispatch))],
  };
}
