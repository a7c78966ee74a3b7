import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRng } from '../../cli/prng';
import { realTextFrom } from '../../cli/real-text';
import { syntheticCorpus } from '../../cli/synthetic-corpus';
import { bundledCorpus } from '../../corpus/bundled';
import { buildIndex } from '../corpus-index';
import { dispatchText } from '../dispatch-text';
import { alignFacts } from '../facts/align';
import { buildFactsIndex, type FactsDoc } from '../facts/facts-index';
import { match } from '../match';
import { realPageTexts } from '../test-support/pages';
import { buildSegment, SegmentSet } from './segment-set';
import { compareIds } from './text-view';

const DATES = ['2021-12-07', '2021-12-08', '2022-01-28', '2022-03-02', undefined];

/** Real dispatches and synthetic ones made of real page sentences (recycled: stock phrases, common terms). */
function corpus(): FactsDoc[] {
  const real = realTextFrom(realPageTexts().slice(0, 40));
  const rng = makeRng(11);
  const synthetic = syntheticCorpus(real, { count: 260, seed: 5, minWords: 120, maxWords: 400 }).map((d) => ({
    ...d,
    date: DATES[rng.int(0, DATES.length - 1)],
    language: rng.next() < 0.5 ? 'fr' : 'en',
  }));
  const seeds = bundledCorpus.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  return [...seeds, ...synthetic];
}

function pagesFrom(docs: readonly FactsDoc[]): { text: string; date?: string; exclude?: string[] }[] {
  const html = readFileSync(join(import.meta.dirname, '../../tests/fixtures/pages/facts-retold.html'), 'utf8');
  const retold = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const spliced = [docs[7], docs[40], docs[90]].map((d) => d.text.slice(0, 900).replace(/ le /g, ' un ')).join('\n\n');
  return [
    { text: retold, date: '2021-12-08' },
    { text: docs[0].text, date: docs[0].date, exclude: [docs[0].id] },
    { text: docs[3].text, exclude: [docs[3].id] },
    { text: spliced },
    { text: realPageTexts()[45].text.slice(0, 9000) },
  ];
}

/** Matches and same facts of every page, against a rebuild of the live dispatches and against the segments. */
function compare(set: SegmentSet, live: Map<string, FactsDoc>, pages: ReturnType<typeof pagesFrom>): number {
  const sorted = [...live.values()].sort((a, b) => compareIds(a.id, b.id));
  const text = buildIndex(sorted);
  const facts = buildFactsIndex(sorted);
  const getText = (id: string) => live.get(id)?.text;
  let found = 0;
  for (const page of pages) {
    const own = (id: string) => (page.exclude?.includes(id) ? undefined : getText(id));
    const whole = match(page.text, text, own);
    expect(match(page.text, set.textView(), own)).toEqual(whole);
    const options = { pageDate: page.date, exclude: page.exclude, getText };
    const pairs = alignFacts(page.text, facts, options);
    expect(alignFacts(page.text, set.factsView(), options)).toEqual(pairs);
    found += whole.passages.length + pairs.length;
  }
  return found;
}

describe('segmented indexes', () => {
  it('match and alignFacts give what one rebuild gives, through additions, updates, removals and merges', () => {
    const all = corpus();
    const pages = pagesFrom(all);
    const rng = makeRng(3);
    const set = new SegmentSet([], { perTier: 3, floorDocs: 6, maxDeletedShare: 0.3, maxMergeDocs: 4096 });
    const live = new Map<string, FactsDoc>();
    let next = 0;
    let segs = 0;
    let merges = 0;
    let checked = 0;
    let found = 0;
    for (let step = 0; next < all.length; step++) {
      const batch = all.slice(next, (next += rng.int(1, 12)));
      // Now and then an update: a stored dispatch comes back with other text.
      if (live.size > 20 && rng.next() < 0.3) {
        const old = [...live.values()][rng.int(0, live.size - 1)];
        batch.push({ ...old, text: old.text.replace(/\./, ', dit-on.') });
      }
      set.add(buildSegment(`s${segs++}`, batch));
      for (const d of batch) live.set(d.id, d);
      // A view of a lone segment, used once: the views after it must not lean on it.
      if (step === 0) alignFacts(pages[0].text, set.factsView());
      if (rng.next() < 0.4) {
        const ids = [...live.keys()].filter(() => rng.next() < 0.04);
        set.remove([...ids, 'unknown-id']);
        for (const id of ids) live.delete(id);
      }
      if (step === 1 || step % 9 === 4) {
        found += compare(set, live, pages);
        checked++;
      }
      // Merges mostly run, sometimes lag behind (tombstones and many small segments stay a while).
      for (let plan = set.plan(); plan && rng.next() < 0.8; plan = set.plan()) {
        const merged = buildSegment(`s${segs++}`, set.liveIds(plan).map((id) => live.get(id)!));
        // A removal while the merge was being built: it must survive the switch.
        if (rng.next() < 0.2) {
          const gone = set.liveIds(plan)[0];
          set.remove([gone]);
          live.delete(gone);
        }
        expect(set.replace(plan, merged)).toBe(true);
        merges++;
      }
      expect(set.size).toBe(live.size);
    }
    found += compare(set, live, pages);
    expect(merges).toBeGreaterThan(10);
    expect(checked).toBeGreaterThan(2);
    // The pages do meet the corpus: the comparison is not of empty results.
    expect(found).toBeGreaterThan(20);
    // The tiers bound the segments a lookup visits.
    expect(set.list().length).toBeLessThan(3 * 2 * Math.log2(live.size));
  }, 120_000);

  it('a merge that lost a race with another changes nothing', () => {
    const docs = corpus().slice(0, 12);
    const set = new SegmentSet();
    set.add(buildSegment('a', docs.slice(0, 6)));
    set.add(buildSegment('b', docs.slice(6)));
    expect(set.replace(['a', 'b'], buildSegment('c', docs))).toBe(true);
    expect(set.replace(['a', 'b'], buildSegment('d', docs))).toBe(false);
    expect(set.list().map((l) => l.segment.id)).toEqual(['c']);
    expect(set.size).toBe(12);
  });

  it('a stock phrase that removals bring back under the limit counts again, as in a rebuild', () => {
    const phrase = 'Le conseil municipal de la ville a adopté à l’unanimité le budget primitif présenté par la majorité.';
    const words = ['harbour', 'quotas', 'library', 'schools', 'roads', 'tramway', 'marché', 'piscine', 'théâtre', 'musée'];
    const docs = Array.from({ length: 18 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      text: `${words[i % 10]} ${words[(i * 3) % 10]} ${words[(i * 7) % 10]} numéro ${i}. ${phrase} Fin de la dépêche ${i} sur ${words[(i + 1) % 10]}.`,
    }));
    const set = new SegmentSet();
    set.add(buildSegment('a', docs.slice(0, 9)));
    set.add(buildSegment('b', docs.slice(9)));
    const page = `Un tout autre début de page. ${phrase} Une tout autre fin.`;
    const getText = (id: string) => docs.find((d) => d.id === id)?.text;
    // 18 dispatches hold it: more than 16, a stock phrase.
    expect(match(page, set.textView(), getText).passages).toEqual([]);
    set.remove(['d01', 'd12', 'd13']);
    const left = docs.filter((d) => set.has(d.id));
    const rebuilt = match(page, buildIndex(left), getText);
    expect(rebuilt.passages.length).toBe(15);
    expect(match(page, set.textView(), getText)).toEqual(rebuilt);
  });
});
