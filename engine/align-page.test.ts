import { describe, expect, it } from 'vitest';
import { makeRng } from '../cli/prng';
import { realTextFrom } from '../cli/real-text';
import { syntheticCorpus, type TextDoc } from '../cli/synthetic-corpus';
import { findCopies, type TextSource } from './align-page';
import { withHints } from './hints/with-hints';
import { match } from './match';
import { buildSegment } from './segments/segment-set';
import { TextView } from './segments/text-view';
import { realPageTexts } from './test-support/pages';

/** Dispatches of lightly mutated real sentences (many share sentences, as a wire's do), in two segments. */
function corpus(): { docs: TextDoc[]; view: TextView } {
  const docs = syntheticCorpus(realTextFrom(realPageTexts().slice(0, 40)), { count: 600, seed: 11 });
  const segments = [buildSegment('a', docs.slice(0, 300)), buildSegment('b', docs.slice(300))];
  return { docs, view: new TextView(segments.map((s) => ({ index: s.text, dead: null }))) };
}

/** Pages copying a dispatch or two whole, with the words of one sentence in eight shuffled. */
function pages(docs: readonly TextDoc[]): string[] {
  const rng = makeRng(5);
  return Array.from({ length: 6 }, () => {
    const picked = [docs[rng.int(0, docs.length - 1)], docs[rng.int(0, docs.length - 1)]];
    return picked.map((d) => d.text.split('. ').map((s) => (rng.int(0, 7) === 0 ? s.split(' ').reverse().join(' ') : s)).join('. ')).join('\n\n');
  });
}

/**
 * A store answering each read after a delay of its own (so that later reads can finish first),
 * keeping at most `kept` texts besides those of the latest read: older ones go, as the worker's
 * text cache lets them go.
 */
function slowStore(docs: readonly TextDoc[], kept: number, seed: number): TextSource & { reads: string[][] } {
  const all = new Map(docs.map((d) => [d.id, d.text]));
  const held = new Map<string, string>();
  const rng = makeRng(seed);
  const reads: string[][] = [];
  return {
    reads,
    peek: (id) => held.get(id),
    load: async (ids) => {
      reads.push(ids);
      await new Promise((resolve) => setTimeout(resolve, rng.int(0, 6)));
      for (const id of ids) {
        const text = all.get(id);
        if (text !== undefined) held.set(id, text);
      }
      // Never those of this very read, as the worker's cache keeps them.
      for (const id of held.keys()) if (held.size > Math.max(kept, ids.length) && !ids.includes(id)) held.delete(id);
    },
  };
}

describe('findCopies', () => {
  const { docs, view } = corpus();
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const getText = (id: string) => texts.get(id);

  it('finds the passages, hints and verdicts of one match with every text at hand, its reads finishing in any order', { timeout: 60_000 }, async () => {
    for (const [i, page] of pages(docs).entries()) {
      const matched = match(page, view, getText);
      const expected = { passages: withHints(matched.passages, page, getText), dispatches: matched.dispatches, pageWords: matched.pageWords };
      expect(expected.passages.length).toBeGreaterThan(0);
      const store = slowStore(docs, 1_000, i);
      expect(await findCopies(page, view, store, {}, {})).toEqual(expected);
      // The candidates are asked for in parts, strongest first, at once.
      expect(store.reads.length).toBeGreaterThan(1);
      expect(new Set(store.reads.flat()).size).toBe(store.reads.flat().length);
    }
  });

  it('aligns with every text, though the cache keeps few of them', { timeout: 60_000 }, async () => {
    const page = pages(docs)[0];
    const matched = match(page, view, getText);
    const store = slowStore(docs, 6, 3);
    const found = await findCopies(page, view, store, {}, {});
    expect(found.passages).toEqual(withHints(matched.passages, page, getText));
    expect(found.dispatches).toEqual(matched.dispatches);
  });

  it('leaves out the excluded dispatches without reading them', { timeout: 60_000 }, async () => {
    const page = pages(docs)[1];
    const strongest = match(page, view, getText).dispatches[0].id;
    const store = slowStore(docs, 1_000, 9);
    const found = await findCopies(page, view, store, { exclude: [strongest] }, {});
    expect(store.reads.flat()).not.toContain(strongest);
    expect(found.passages.some((p) => p.dispatch === strongest)).toBe(false);
    expect(found.passages.length).toBeGreaterThan(0);
  });
});
