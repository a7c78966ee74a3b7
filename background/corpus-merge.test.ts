import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { removeImported } from '../db/corpus-remove';
import { openDb } from '../db/index';
import { dispatchText } from '../engine/index';
import type { Dispatch } from '../engine/types';
import { CorpusService } from './corpus-service';
import { dbStore } from './db-store';

const freshDb = () => openDb(`recoupe-merge-test-${Math.random().toString(36).slice(2)}`);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

const mine = (i: number): Dispatch => ({
  ...bundledCorpus[0],
  id: `mine-${i}`,
  paragraphs: [
    `Dépêche ${i} du lecteur : le conseil municipal de la commune numéro ${i} a voté mardi un budget de ${i * 1000} euros pour la rénovation de son école primaire, après un long débat sur la cantine.`,
  ],
});
const pageOf = (i: number) => `${mine(i).paragraphs[0]} Une phrase de plus, écrite par la rédaction du site, sans rapport.`;

describe('merges beside the requests', () => {
  it('answers pages and runs writes while a merge is built, and holds after the switch what the database holds', { timeout: 120_000 }, async () => {
    const db = freshDb();
    const store = dbStore(db, bundledCorpus, corpusVersion);
    const events: string[] = [];
    const built = deferred();
    const release = deferred();
    let gated = false;
    // A build that lasts until the test releases it: it has read its segments and built the merged one.
    const service = new CorpusService({
      ...store,
      buildMerge: async () => {
        const merge = await store.buildMerge();
        if (!merge) return null;
        if (!gated) {
          gated = true;
          events.push('built');
          built.resolve();
          await release.promise;
        }
        return {
          plan: merge.plan,
          switchIn: async () => {
            const done = await merge.switchIn();
            events.push(done ? 'switched' : 'dropped');
            return done;
          },
        };
      },
    });
    await service.start();
    // One segment per write: the seventh write makes the eighth segment of the first tier, a merge.
    for (let i = 1; i <= 6; i++) {
      await service.import([mine(i)], 'extend');
      await service.settled();
    }
    expect(events).toEqual([]);
    await service.import([mine(7)], 'extend');
    await built.promise;

    // While the merge is built: pages are answered from the segments held, and a removal goes through.
    expect((await service.match(pageOf(2))).result.passages.map((p) => p.dispatch)).toContain('mine-2');
    expect(events).toEqual(['built']);
    await service.change(() => removeImported(db, ['mine-2']));
    expect(events).toEqual(['built']);
    // What the corpus answers without the merge, the removal made.
    const unmerged = {
      two: (await service.match(pageOf(2))).result,
      four: (await service.match(pageOf(4))).result,
      seed: (await service.match(dispatchText(bundledCorpus[1]))).result,
    };
    expect(unmerged.two.passages.map((p) => p.dispatch)).not.toContain('mine-2');
    expect(unmerged.four.passages.map((p) => p.dispatch)).toContain('mine-4');
    expect(await service.count()).toBe(bundledCorpus.length + 6);
    expect(events).toEqual(['built']);

    release.resolve();
    await service.settled();
    expect(events[1]).toBe('switched');
    const manifest = (await db.meta.get('segments'))!.value as { live: { id: string; removed: number[] }[] };
    expect(manifest.live.length).toBeLessThan(8);
    // The removal made during the build is a tombstone of the merged segment, in the database and in memory.
    expect(manifest.live.some((l) => l.removed.length > 0)).toBe(true);
    expect((await service.match(pageOf(2))).result).toEqual(unmerged.two);
    expect((await service.match(pageOf(4))).result).toEqual(unmerged.four);
    expect((await service.match(dispatchText(bundledCorpus[1]))).result).toEqual(unmerged.seed);
    expect(await service.count()).toBe(bundledCorpus.length + 6);
    // A worker started afresh on the same database answers the same.
    const cold = new CorpusService(dbStore(db, bundledCorpus, corpusVersion));
    await cold.start();
    expect((await cold.match(pageOf(4))).result).toEqual(unmerged.four);
    expect((await cold.match(pageOf(2))).result).toEqual(unmerged.two);
  });
});
