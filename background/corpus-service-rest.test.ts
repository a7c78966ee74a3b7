import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { openDb } from '../db/index';
import { dispatchText } from '../engine/index';
import { CorpusService, RestDropped } from './corpus-service';
import { dbStore } from './db-store';

const freshDb = () => openDb(`recoupe-rest-test-${Math.random().toString(36).slice(2)}`);

const source = bundledCorpus[0];
const pageText = source.paragraphs.slice(0, 5).join('\n\n');
const about = { date: source.date, language: source.language };

describe('CorpusService: the rest of a match', () => {
  it('waits while another page gets its first answer, then gives the whole alignment', { timeout: 60_000 }, async () => {
    // Few candidates, so that the first page leaves dispatch texts unread.
    const few = { maxCandidates: 2 };
    const whole = await new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion)).match(pageText, few, about);
    const store = dbStore(freshDb(), bundledCorpus, corpusVersion);
    const service = new CorpusService(store, 0);
    const read = store.getDispatchesWithInfo!.bind(store);
    const readIds = new Set<string>();
    let holding = false;
    let holds = 0;
    // The other page's texts (the next read) are read only once the test lets them; the rest's are not held.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    store.getDispatchesWithInfo = async (ids) => {
      for (const id of ids) readIds.add(id);
      if (holding) {
        holding = false;
        holds++;
        await held;
      }
      return read(ids);
    };
    const first = await service.match(pageText, few, about);
    // A page copying a dispatch whose text the first page did not read: its first answer reads it.
    const other = bundledCorpus.find((d) => !readIds.has(d.id))!;
    holding = true;
    const otherAnswer = service.match(dispatchText(other), {}, { date: other.date, language: other.language });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(holds).toBe(1);
    let restDone = false;
    const rest = first.rest!().then((r) => ((restDone = true), r));
    const waits = () => service.trace().some((m) => m.what === 'rest waits for a first answer');
    while (!waits() && !restDone) await new Promise((resolve) => setTimeout(resolve, 10));
    // What is left of the rest takes a few milliseconds: it is still waiting a second later.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(restDone).toBe(false);
    release();
    await otherAnswer;
    expect((await rest).result).toEqual(whole.result);
  });

  it('stops when it is no longer wanted, and starts again when asked later', { timeout: 60_000 }, async () => {
    const whole = await new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion)).match(pageText, {}, about);
    const service = new CorpusService(dbStore(freshDb(), bundledCorpus, corpusVersion), 0);
    const first = await service.match(pageText, {}, about);
    await expect(first.rest!(() => false)).rejects.toBeInstanceOf(RestDropped);
    // Not kept: the page asking again gets its copies first, with a rest of its own.
    const again = await service.match(pageText, {}, about);
    expect(again.rest).toBeTypeOf('function');
    expect((await first.rest!()).result).toEqual(whole.result);
  });
});
