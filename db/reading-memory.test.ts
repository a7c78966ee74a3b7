import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { parseNdjson } from '../corpus/ndjson';
import { applyRetention, countRead, exportReadPage, forgetRead, rememberRead } from './reading-memory';
import { ensureSeeded, importDispatches, listDispatchInfo } from './index';
import { dispatch, liveIds, testDb } from './test-support';

const read = (site: string, n: number) =>
  dispatch(`read-${site.replace(/\./g, '-')}-${n}`, [`Article ${n} lu sur ${site} : le conseil municipal a voté mardi un budget de ${n * 1000} euros pour la rénovation de l’école.`], {
    outlet: site,
    url: `https://${site}/article-${n}`,
  });

async function seeded() {
  const { db } = testDb();
  await ensureSeeded(db, bundledCorpus, corpusVersion);
  return db;
}

describe('reading memory in the database', () => {
  it('stores a read page once, updating it when read again, with when it was read and what it credited', async () => {
    const db = await seeded();
    expect(await rememberRead(db, read('lemonde.fr', 1), ['AFP'], new Date('2026-12-01T08:00:00Z'))).toEqual({ added: true });
    expect(await rememberRead(db, { ...read('lemonde.fr', 1), title: 'Titre mis à jour' }, ['AFP'], new Date('2026-12-02T09:00:00Z'))).toEqual({ added: false });
    expect(await countRead(db)).toBe(1);
    const info = (await listDispatchInfo(db)).find((d) => d.id === read('lemonde.fr', 1).id)!;
    expect(info).toMatchObject({ source: 'read', title: 'Titre mis à jour', readAt: '2026-12-02T09:00:00.000Z', credits: ['AFP'] });
    expect(await liveIds(db)).toContain(info.id);
    // An id the reader imported is never overwritten by memory.
    await importDispatches(db, [dispatch('read-mine-1', ['Le texte du lecteur.'])], 'extend');
    expect(await rememberRead(db, { ...read('mine', 1), id: 'read-mine-1' }, [], new Date())).toEqual({ added: false });
    expect(await db.dispatches.get('read-mine-1')).toMatchObject({ source: 'imported' });
  });

  it('forgets one page, one site, the oldest beyond the limits, or everything, and nothing else', async () => {
    const db = await seeded();
    for (let i = 1; i <= 3; i++) await rememberRead(db, read('lemonde.fr', i), [], new Date(Date.UTC(2026, 10, i)));
    for (let i = 1; i <= 3; i++) await rememberRead(db, read('lefigaro.fr', i), [], new Date(Date.UTC(2025, 0, i)));
    expect(await forgetRead(db, { ids: [read('lemonde.fr', 1).id, bundledCorpus[0].id] })).toBe(1);
    expect(await forgetRead(db, { site: 'www.lefigaro.fr' })).toBe(3);
    expect(await countRead(db)).toBe(2);
    await rememberRead(db, read('bbc.co.uk', 1), [], new Date(Date.UTC(2025, 5, 1)));
    // Older than 12 months goes, then the oldest beyond 1.
    expect(await applyRetention(db, { months: 12, max: 1 }, new Date(Date.UTC(2026, 11, 2)))).toBe(2);
    expect((await listDispatchInfo(db)).filter((d) => d.source === 'read').map((d) => d.id)).toEqual([read('lemonde.fr', 3).id]);
    expect(await forgetRead(db, { all: true })).toBe(1);
    expect(await liveIds(db)).toEqual(bundledCorpus.map((d) => d.id).sort());
  });

  it('exports in pieces as importable NDJSON that restores the memory in a fresh profile; a replacing import keeps it', async () => {
    const db = await seeded();
    for (let i = 1; i <= 5; i++) await rememberRead(db, read('lemonde.fr', i), i % 2 ? ['AFP'] : [], new Date(Date.UTC(2026, 10, i)));
    const lines: string[] = [];
    for (let after: string | null = null, first = true; first || after !== null; first = false) {
      const page = await exportReadPage(db, after, 2);
      lines.push(...page.lines);
      after = page.next;
    }
    expect(lines).toHaveLength(5);
    const parsed = parseNdjson(lines.join('\n'));
    expect(parsed.ok).toBe(true);

    const fresh = await seeded();
    await importDispatches(fresh, parsed.ok ? parsed.dispatches : [], 'extend');
    expect((await listDispatchInfo(fresh)).filter((d) => d.source === 'read').map((d) => [d.id, d.readAt, d.credits ?? []])).toEqual(
      (await listDispatchInfo(db)).filter((d) => d.source === 'read').map((d) => [d.id, d.readAt, d.credits ?? []]),
    );

    await importDispatches(db, [dispatch('only', ['Le seul texte importé.'])], 'replace');
    expect(await countRead(db)).toBe(5);
    expect(await liveIds(db)).toEqual(['only', ...lines.map((l) => JSON.parse(l).id)].sort());
  });
});
