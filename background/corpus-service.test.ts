import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { openDb } from '../db/index';
import { buildSegment, dispatchText } from '../engine/index';
import type { Dispatch } from '../engine/types';
import type { DispatchInfo } from '../messaging/protocol';
import { pageDispatchId } from '../corpus/page-dispatch';
import { CorpusService, type CorpusStore } from './corpus-service';
import { dbStore } from './db-store';
import { removeImported } from '../db/corpus-remove';

let dbCounter = 0;
const freshDb = () => openDb(`recoupe-bg-test-${++dbCounter}-${Math.random().toString(36).slice(2)}`);

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A store over an in-memory list whose seeding the test releases by hand. */
function fakeStore(docs: Dispatch[]) {
  const calls: string[] = [];
  const seeds: ReturnType<typeof deferred<void>>[] = [];
  const store: CorpusStore = {
    seed() {
      calls.push('seed');
      const d = deferred<void>();
      seeds.push(d);
      return d.promise;
    },
    async readLive(have) {
      calls.push('readLive');
      const fresh = have.has('seg-1') ? [] : [buildSegment('seg-1', docs.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language })))];
      return { manifest: { live: [{ id: 'seg-1', removed: [] }] }, fresh };
    },
    async buildMerge() {
      return null;
    },
    async listDispatchInfo() {
      calls.push('listDispatchInfo');
      return docs.map(
        (d): DispatchInfo => ({ ...d, words: dispatchText(d).split(/\s+/).length, source: 'bundled' }),
      );
    },
    async getDispatchInfo(ids) {
      calls.push(`getDispatchInfo ${ids.join(' ')}`);
      return docs
        .filter((d) => ids.includes(d.id))
        .map((d): DispatchInfo => ({ ...d, words: dispatchText(d).split(/\s+/).length, source: 'bundled' }));
    },
    async getDispatches(ids) {
      calls.push(`getDispatches ${ids.length}`);
      return docs.filter((d) => ids.includes(d.id));
    },
    async getDispatch(id) {
      return docs.find((d) => d.id === id);
    },
    async importDispatches() {
      throw new Error('not used');
    },
  };
  return { store, calls, seeds };
}

describe('CorpusService', () => {
  it('answers requests that arrive during seeding once seeding is done, without failing them', async () => {
    const { store, calls, seeds } = fakeStore(bundledCorpus);
    const service = new CorpusService(store);
    void service.start();
    let answered = false;
    const count = service.count().then((n) => {
      answered = true;
      return n;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    seeds[0].resolve();
    expect(await count).toBe(bundledCorpus.length);
    expect(calls).toEqual(['seed', 'readLive']);
  });

  it('runs a second seeding (install after worker start) only after the first finished', async () => {
    const { store, calls, seeds } = fakeStore(bundledCorpus);
    const service = new CorpusService(store);
    const first = service.start();
    const second = service.start();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['seed']);
    seeds[0].resolve();
    await first;
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toEqual(['seed', 'readLive', 'seed']);
    seeds[1].resolve();
    await second;
    expect(calls).toEqual(['seed', 'readLive', 'seed', 'readLive']);
  });

  it('reports a failed seeding to the callers, and tries again on the next request', async () => {
    const { store, seeds } = fakeStore(bundledCorpus);
    const service = new CorpusService(store);
    const started = service.start();
    const waiting = service.count();
    seeds[0].reject(new Error('disk full'));
    await expect(started).rejects.toThrow('disk full');
    await expect(waiting).rejects.toThrow('disk full');
    const retry = service.count();
    await new Promise((r) => setTimeout(r, 10));
    expect(seeds).toHaveLength(2);
    seeds[1].resolve();
    expect(await retry).toBe(bundledCorpus.length);
  });

  it('reads dispatch labels only when a page matches something', async () => {
    const { store, calls, seeds } = fakeStore(bundledCorpus);
    const service = new CorpusService(store);
    void service.start();
    seeds[0].resolve();
    const none = await service.match('Le chat de la voisine dort au soleil sur le rebord de la fenêtre depuis ce matin.');
    expect(none.result.passages).toEqual([]);
    expect(calls).not.toContain('listDispatchInfo');
    expect(calls.some((c) => c.startsWith('getDispatchInfo'))).toBe(false);
  });

  it('reads the labels of the dispatches a page matches, not those of the whole corpus', async () => {
    const { store, calls, seeds } = fakeStore(bundledCorpus);
    const service = new CorpusService(store);
    void service.start();
    seeds[0].resolve();
    const source = bundledCorpus[0];
    const { result, infoOf } = await service.match(dispatchText(source));
    const named = new Set([...result.dispatches.map((d) => d.id), ...result.passages.map((p) => p.dispatch)]);
    expect(named.has(source.id)).toBe(true);
    expect(infoOf(source.id)?.title).toBe(source.title);
    expect(calls).not.toContain('listDispatchInfo');
    const asked = calls.filter((c) => c.startsWith('getDispatchInfo')).flatMap((c) => c.split(' ').slice(1));
    expect(new Set(asked)).toEqual(named);
    expect(named.size).toBeLessThan(bundledCorpus.length);
  });

  it('after a write, decodes only the segment it wrote, and merges small segments in the background', { timeout: 60_000 }, async () => {
    const db = freshDb();
    const store = dbStore(db, bundledCorpus, corpusVersion);
    const decoded: string[][] = [];
    const service = new CorpusService({
      ...store,
      readLive: async (have) => {
        const read = await store.readLive(have);
        decoded.push(read.fresh.map((s) => s.id));
        return read;
      },
    });
    await service.start();
    expect(decoded).toEqual([['seg-1']]);
    const mine = (i: number): Dispatch => ({
      ...bundledCorpus[0],
      id: `mine-${i}`,
      paragraphs: [`Dépêche ${i} du lecteur : le conseil municipal de la commune numéro ${i} a voté mardi un budget de ${i * 1000} euros pour la rénovation de son école primaire.`],
    });
    for (let i = 1; i <= 9; i++) await service.import([mine(i)], 'extend');
    // One segment read per write, never the whole index again (a merge in between reads none: it built its segment).
    expect(decoded.slice(1).every((d) => d.length <= 1)).toBe(true);
    expect(decoded.slice(1).flat()).toHaveLength(9);
    expect(await service.count()).toBe(bundledCorpus.length + 9);
    await service.settled();
    const manifest = (await db.meta.get('segments'))!.value as { live: unknown[] };
    expect(manifest.live.length).toBeLessThan(10);
    // After the merges, the set in memory still answers as the database does.
    expect(await service.count()).toBe(bundledCorpus.length + 9);
    const page = `${mine(4).paragraphs[0]} Une phrase de plus, écrite par la rédaction du site.`;
    expect((await service.match(page)).result.passages.map((p) => p.dispatch)).toContain('mine-4');
    await service.change(() => removeImported(db, ['mine-4']));
    expect((await service.match(page)).result.passages.map((p) => p.dispatch)).not.toContain('mine-4');
    expect(await service.count()).toBe(bundledCorpus.length + 8);
  });

  it('keeps the dispatch texts it read for the next pages, until the corpus changes', async () => {
    const { store, calls, seeds } = fakeStore(bundledCorpus);
    const service = new CorpusService(store);
    void service.start();
    seeds[0].resolve();
    const cns = bundledCorpus.find((d) => d.id.startsWith('cnsnews'))!;
    const reads = () => calls.filter((c) => c.startsWith('getDispatches'));
    const first = (await service.match(dispatchText(cns), {}, { date: cns.date })).result;
    expect(first.passages.some((p) => p.kind === 'same-fact')).toBe(true);
    const read = reads().length;
    expect(read).toBeGreaterThan(0);
    const again = (await service.match(dispatchText(cns), {}, { date: cns.date })).result;
    expect(again).toEqual(first);
    expect(reads()).toHaveLength(read);
    await service.change(async () => undefined);
    await service.match(dispatchText(cns), {}, { date: cns.date });
    expect(reads().length).toBeGreaterThan(read);
  });

  it('leaves the record of the page itself out of same-fact alignment', async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion));
    await service.start();
    // The reader added this page when it told the RT version; it now tells the CNSNews one (the
    // same facts in other words), so only the URL says the record is the page itself.
    const url = 'https://radio.example/poutine-otan';
    const rt = bundledCorpus.find((d) => d.id.startsWith('rt-radiohc'))!;
    const cns = bundledCorpus.find((d) => d.id.startsWith('cnsnews'))!;
    const record: Dispatch = { ...rt, id: pageDispatchId(url), url, outlet: 'Radio Test', chain: ['Radio Test'], origin: 'Radio Test' };
    await service.import([record], 'extend');
    const sameFactsOf = async (pageUrl: string) =>
      (await service.match(dispatchText(cns), {}, { url: pageUrl, date: cns.date })).result.passages.filter((p) => p.kind === 'same-fact' && p.dispatch === record.id);
    expect((await sameFactsOf('https://elsewhere.example/x')).length).toBeGreaterThan(1);
    expect(await sameFactsOf(`${url}?utm_source=feed#top`)).toEqual([]);
  });

  it('matches a page against the seeded database and labels the dispatches it found', async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion));
    await service.start();
    const source = bundledCorpus[0];
    const page = `${source.paragraphs.slice(0, 4).join('\n\n')}\n\nUn paragraphe écrit par la rédaction, sans rapport avec la dépêche, pour finir.`;
    const { result, infoOf } = await service.match(page);
    expect(result.passages.length).toBeGreaterThan(0);
    expect(result.passages.map((p) => p.dispatch)).toContain(source.id);
    expect(infoOf(source.id)).toMatchObject({ id: source.id, outlet: source.outlet, origin: source.origin });
    expect(await service.getDispatch(source.id)).toEqual(source);
    expect(await service.getDispatch('no-such-id')).toBeNull();
    expect((await service.list()).map((d) => d.id).sort()).toEqual(bundledCorpus.map((d) => d.id).sort());
  });

  it('matches against imported dispatches right after an import', async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion));
    await service.start();
    const paragraphs = [
      'Les pêcheurs de Saint-Malo ont bloqué le port pendant trois heures mardi matin pour protester contre la hausse du prix du gazole et les nouveaux quotas fixés par Bruxelles.',
      'Selon la préfecture maritime, une quarantaine de chalutiers ont participé au mouvement, qui s’est achevé sans incident peu avant midi.',
    ];
    const imported: Dispatch = {
      id: 'test-peche-saint-malo',
      outlet: 'Ouest Test',
      origin: 'AFP',
      chain: ['AFP', 'Ouest Test'],
      language: 'fr',
      date: '2024-03-05',
      title: 'Les pêcheurs bloquent le port',
      paragraphs,
    };
    const before = await service.match(paragraphs.join('\n\n'));
    expect(before.result.passages).toEqual([]);
    const summary = await service.import([imported], 'extend');
    expect(summary.total).toBe(bundledCorpus.length + 1);
    expect(await service.count()).toBe(bundledCorpus.length + 1);
    const after = await service.match(paragraphs.join('\n\n'));
    expect(after.result.passages.map((p) => p.dispatch)).toContain(imported.id);
    expect(after.infoOf(imported.id)?.source).toBe('imported');
  });
});

describe('passage origins', () => {
  it('names who wrote each passage first when a copy mixes sources paragraph by paragraph', { timeout: 60_000 }, async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion));
    await service.start();
    const mixed = bundledCorpus.find((d) => (d.origins?.length ?? 0) > 0)!;
    const range = mixed.origins![0];
    const inside = mixed.paragraphs[range.from];
    const outside = mixed.paragraphs.findIndex((_, i) => i > range.to && mixed.paragraphs[i].length > 200);
    const page = `${inside}\n\nUn paragraphe de la rédaction, écrit pour cette page et sans rapport avec la dépêche, pour séparer les deux reprises.\n\n${mixed.paragraphs[outside]}`;
    const { result } = await service.match(page);
    const of = (text: string) => result.passages.find((p) => p.dispatch === mixed.id && page.slice(p.page.start, p.page.end).includes(text.slice(20, 80)));
    expect(of(inside)?.origins).toEqual([range.origin]);
    expect(of(mixed.paragraphs[outside])?.origins).toEqual([mixed.origin]);
    expect(range.origin).not.toBe(mixed.origin);
  });
});
