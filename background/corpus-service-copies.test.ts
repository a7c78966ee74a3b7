import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { openDb } from '../db/index';
import type { Dispatch } from '../engine/types';
import { CorpusService } from './corpus-service';
import { dbStore } from './db-store';

const freshDb = () => openDb(`recoupe-copies-test-${Math.random().toString(36).slice(2)}`);

const source = bundledCorpus[0];
/** Copied paragraphs of one dispatch, then facts of the same day told in words of this test's own. */
const pageText = [
  ...source.paragraphs.slice(0, 5),
  'Lors d’un entretien par vidéo mardi, le chef du Kremlin a exigé de Joe Biden des garanties juridiques interdisant toute extension de l’Alliance atlantique vers l’est, accusant l’Otan de renforcer ses capacités militaires près des frontières russes.',
  'Jake Sullivan, conseiller de la Maison Blanche pour la sécurité nationale, affirme que le président américain n’a consenti aucune concession ni promesse sur l’Otan.',
].join('\n\n');
const about = { date: '2021-12-07', language: 'fr' };
const copyKinds = new Set(['verbatim', 'edited']);

/** A store counting the dispatch texts it is asked for, and the labels asked for apart. */
function counting() {
  const store = dbStore(freshDb(), bundledCorpus, corpusVersion);
  const reads: string[][] = [];
  const labelReads: string[][] = [];
  const getDispatches = store.getDispatches.bind(store);
  store.getDispatches = async (ids: string[]): Promise<Dispatch[]> => {
    reads.push(ids);
    return getDispatches(ids);
  };
  const withInfo = store.getDispatchesWithInfo!.bind(store);
  store.getDispatchesWithInfo = async (ids: string[]) => {
    reads.push(ids);
    return withInfo(ids);
  };
  const getDispatchInfo = store.getDispatchInfo.bind(store);
  store.getDispatchInfo = async (ids: string[]) => {
    labelReads.push(ids);
    return getDispatchInfo(ids);
  };
  return { store, reads, labelReads };
}

describe('CorpusService: copies first on a large corpus', () => {
  it('answers with the copied passages first, then the whole alignment, whose copies are the same', { timeout: 60_000 }, async () => {
    const whole = await new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion)).match(pageText, {}, about);
    expect(whole.rest ?? null).toBeNull();
    expect(whole.result.passages.some((p) => p.kind === 'same-fact')).toBe(true);

    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion), 0);
    const first = await service.match(pageText, {}, about);
    expect(first.result.passages.length).toBeGreaterThan(0);
    expect(first.result.passages.every((p) => copyKinds.has(p.kind))).toBe(true);
    // The copies and their verdicts are those of the whole alignment, hints included.
    expect(first.result.passages).toEqual(whole.result.passages.filter((p) => copyKinds.has(p.kind)));
    expect(first.result.dispatches).toEqual(whole.result.dispatches.filter((d) => d.relation !== 'same-story' && d.relation !== 'translated'));
    expect(first.result.pageWords).toBe(whole.result.pageWords);
    expect(first.infoOf(source.id)?.outlet).toBe(source.outlet);

    const rest = await first.rest!();
    expect(rest.result).toEqual(whole.result);
    expect(rest.infoOf(source.id)?.outlet).toBe(source.outlet);
  });

  it('gives the whole alignment at once to a page asking again with the same text, without aligning again', { timeout: 60_000 }, async () => {
    const { store, reads } = counting();
    const service = new CorpusService(store, 0);
    const aligned = () => service.trace().filter((m) => m.what === 'align start' || m.what === 'copies start').length;
    const first = await service.match(pageText, {}, about);
    const rest = await first.rest!();
    const read = reads.length;
    const runs = aligned();
    const again = await service.match(pageText, {}, about);
    expect(again.rest ?? null).toBeNull();
    expect(again.result).toBe(rest.result);
    expect(reads.length).toBe(read);
    expect(aligned()).toBe(runs);
    // Another text, or the same text with other options, is matched anew.
    const other = await service.match(pageText, { maxCandidates: 10 }, about);
    expect(other.rest).toBeTypeOf('function');
  });

  it('names the copies with the labels read with their texts, without reading labels apart', { timeout: 60_000 }, async () => {
    const { store, reads, labelReads } = counting();
    const service = new CorpusService(store, 0);
    const first = await service.match(pageText, {}, about);
    expect(reads.length).toBeGreaterThan(0);
    expect(first.infoOf(source.id)).toEqual((await store.getDispatchInfo([source.id]))[0]);
    labelReads.pop();
    expect(labelReads).toEqual([]);
  });

  it('forgets the whole alignments it kept when the corpus changes', { timeout: 60_000 }, async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion), 0);
    const first = await service.match(pageText, {}, about);
    await first.rest!();
    await service.change(async () => undefined);
    const after = await service.match(pageText, {}, about);
    expect(after.rest).toBeTypeOf('function');
  });

  it('answers once below the corpus size where copies come first', { timeout: 60_000 }, async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion), bundledCorpus.length + 1);
    const once = await service.match(pageText, {}, about);
    expect(once.rest ?? null).toBeNull();
    expect(once.result.passages.some((p) => p.kind === 'same-fact')).toBe(true);
  });
});

describe('CorpusService: a cold start', () => {
  it('answers copies from the text samples while the index is still being read, then the whole alignment', { timeout: 60_000 }, async () => {
    const whole = await new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion)).match(pageText, {}, about);
    const store = dbStore(freshDb(), bundledCorpus, corpusVersion);
    // The whole index is read only once the test lets it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const readLive = store.readLive.bind(store);
    store.readLive = async (have) => {
      await held;
      return readLive(have);
    };
    const service = new CorpusService(store, 0);
    void service.start();
    const first = await service.match(pageText, {}, about);
    expect(service.trace().map((m) => m.what)).not.toContain('segments read (1)');
    // The samples alone were read: not the text indexes.
    expect(service.trace().map((m) => m.what)).toContain('text samples read (1)');
    expect(service.trace().map((m) => m.what)).not.toContain('text indexes read (1)');
    expect(first.result.passages.length).toBeGreaterThan(0);
    expect(first.result.passages).toEqual(whole.result.passages.filter((p) => copyKinds.has(p.kind)));
    expect(first.infoOf(source.id)?.outlet).toBe(source.outlet);
    release();
    const rest = await first.rest!();
    expect(rest.result).toEqual(whole.result);
    // Asked again, the page gets the whole alignment at once.
    const again = await service.match(pageText, {}, about);
    expect(again.rest ?? null).toBeNull();
    expect(again.result).toEqual(whole.result);
  });

  it('reads the text indexes first when a segment has no sample yet, and writes the samples', { timeout: 60_000 }, async () => {
    const db = freshDb();
    await new CorpusService(dbStore(db, bundledCorpus, corpusVersion)).count();
    await db.segments.bulkDelete(((await db.segments.toCollection().primaryKeys()) as string[]).filter((k) => k.endsWith('#s')));
    const service = new CorpusService(dbStore(db, bundledCorpus, corpusVersion), 0);
    void service.start();
    const first = await service.match(pageText, {}, about);
    expect(first.result.passages.length).toBeGreaterThan(0);
    expect(service.trace().map((m) => m.what)).toContain('text indexes read (1)');
    await first.rest!();
    const next = new CorpusService(dbStore(db, bundledCorpus, corpusVersion), 0);
    void next.start();
    await next.match(pageText, {}, about);
    expect(next.trace().map((m) => m.what)).toContain('text samples read (1)');
  });

  it('below the size where copies come first, a cold start answers once, with the whole alignment', { timeout: 60_000 }, async () => {
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion), bundledCorpus.length + 1);
    void service.start();
    const once = await service.match(pageText, {}, about);
    expect(once.rest ?? null).toBeNull();
    expect(once.result.passages.some((p) => p.kind === 'same-fact')).toBe(true);
  });
});
