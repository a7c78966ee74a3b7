import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { alignFacts, buildFactsIndex, dispatchText, FACTS_RULES_VERSION } from '../engine/index';
import { removeImported } from './corpus-remove';
import { ensureSeeded, importDispatches, loadFactsIndex, loadIndex, restoreBundled } from './index';
import { dispatch, testDb } from './test-support';

const sortedIds = bundledCorpus.map((d) => d.id).sort();

/** A French retelling of a fact of the bundled corpus, in words of its own. */
function seedSentence(): { id: string; text: string } {
  const d = bundledCorpus.find((x) => x.language === 'fr')!;
  return { id: d.id, text: dispatchText(d) };
}

describe('facts index beside the text index', () => {
  it('seeding stores the facts index of the corpus, built with each dispatch’s date and language', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const facts = await loadFactsIndex(db);
    expect(facts.rules).toBe(FACTS_RULES_VERSION);
    expect(facts.ids).toEqual(sortedIds);
    expect(facts.postings).toBeInstanceOf(Uint32Array);
    expect(facts.sentDoc.length).toBeGreaterThan(50);
    // Built from the stored records in key order, with their dates: the same index as the engine gives.
    const rows = [...bundledCorpus].sort((a, b) => (a.id < b.id ? -1 : 1));
    const expected = buildFactsIndex(rows.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language })));
    expect(facts).toEqual(expected);
    expect([...facts.docDay].every((day) => day > 0)).toBe(true);
    expect(await db.meta.get('factsRules')).toEqual({ key: 'factsRules', value: FACTS_RULES_VERSION });

    // The stored index is usable as it comes back from IndexedDB: a dispatch's own text aligns
    // with the others once it is excluded, and never with itself.
    const own = seedSentence();
    const pairs = alignFacts(own.text, facts, { exclude: [own.id] });
    expect(pairs.every((p) => p.dispatch !== own.id)).toBe(true);
  });

  it('rebuilds the facts index when it was built under other word lists, the corpus unchanged', async () => {
    const { db, writes } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const current = await loadFactsIndex(db);
    await db.meta.bulkPut([
      { key: 'factsRules', value: 'older-rules' },
      { key: 'factsIndex', value: { ...current, rules: 'older-rules', ids: ['stale'] } },
    ]);
    const textIndex = await loadIndex(db);
    writes.length = 0;
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(writes.filter((w) => w.table === 'meta').flatMap((w) => w.keys)).toEqual(
      expect.arrayContaining(['factsIndex', 'factsRules']),
    );
    const rebuilt = await loadFactsIndex(db);
    expect(rebuilt.rules).toBe(FACTS_RULES_VERSION);
    expect(rebuilt).toEqual(current);
    expect((await loadIndex(db)).keys).toEqual(textIndex.keys);
    expect(await db.dispatches.count()).toBe(bundledCorpus.length);

    // Once current, the next start writes nothing.
    writes.length = 0;
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect(writes).toEqual([]);
  });

  it('rebuilds a missing facts index (a database seeded before same-fact alignment existed)', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    await db.meta.bulkDelete(['factsIndex', 'factsRules']);
    await expect(loadFactsIndex(db)).rejects.toThrow('facts index is missing');
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    expect((await loadFactsIndex(db)).ids).toEqual(sortedIds);
  });

  it('imports, removals and restoring the bundled corpus rebuild it with the text index', async () => {
    const { db } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const mine = dispatch('mine', ['Le Kremlin a exigé mardi des garanties juridiques contre l’élargissement de l’Otan vers l’est.'], {
      date: '2021-12-07',
    });
    await importDispatches(db, [mine], 'extend');
    let facts = await loadFactsIndex(db);
    expect(facts.ids).toEqual([...sortedIds, 'mine'].sort());
    expect(facts.docDay[facts.ids.indexOf('mine')]).toBe(Date.UTC(2021, 11, 7) / 86_400_000);

    await removeImported(db, ['mine']);
    expect((await loadFactsIndex(db)).ids).toEqual(sortedIds);

    await importDispatches(db, [mine], 'replace');
    facts = await loadFactsIndex(db);
    expect(facts.ids).toEqual(['mine']);
    expect((await loadIndex(db)).ids).toEqual(['mine']);

    await restoreBundled(db, bundledCorpus, corpusVersion);
    expect((await loadFactsIndex(db)).ids).toEqual(sortedIds);
  });

  it('a failed facts index write keeps the former corpus and both former indexes', async () => {
    const { db, failWritesTo } = testDb();
    await ensureSeeded(db, bundledCorpus, corpusVersion);
    const before = await loadFactsIndex(db);
    failWritesTo('meta');
    await expect(importDispatches(db, [dispatch('mine', ['Un texte du lecteur sur un autre sujet.'])], 'extend')).rejects.toThrow();
    failWritesTo(null);
    expect(await loadFactsIndex(db)).toEqual(before);
    expect(await db.dispatches.get('mine')).toBeUndefined();
  });
});
