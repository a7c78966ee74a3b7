import { buildFactsIndex, buildIndex, dispatchText, FACTS_RULES_VERSION, INDEX_VERSION, type Dispatch } from '../engine/index';
import { openDb, type RecoupeDB } from './recoupe-db';
import { indexAdded, indexRemoved, loadSegmentSet } from './segment-store';
import { toStored } from './stored-dispatch';

let counter = 0;

export interface Write {
  table: string;
  type: string;
  keys: unknown[];
}

/**
 * A fresh database for one test (or a new handle on an existing one, as after a restart), with every write recorded and an optional failure injected into
 * writes to one table (the way a full disk shows up: the request rejects and the transaction aborts).
 */
export function testDb(name?: string): { db: RecoupeDB; writes: Write[]; failWritesTo: (table: string | null, name?: string) => void } {
  const db = openDb(name ?? `recoupe-test-${++counter}-${Math.random().toString(36).slice(2)}`);
  const writes: Write[] = [];
  let failing: { table: string; name: string } | null = null;
  db.use({
    stack: 'dbcore',
    name: 'record-writes',
    create(down) {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          return {
            ...t,
            mutate(req) {
              const keys = req.type === 'delete' ? req.keys : req.type === 'deleteRange' ? [req.range] : (req.keys ?? req.values.map((v: { id?: unknown; key?: unknown }) => v.id ?? v.key));
              writes.push({ table: name, type: req.type, keys: [...keys] });
              if (failing && failing.table === name) {
                return Promise.reject(new DOMException(`simulated ${failing.name}`, failing.name));
              }
              return t.mutate(req);
            },
          };
        },
      };
    },
  });
  return {
    db,
    writes,
    failWritesTo: (table, name = 'QuotaExceededError') => {
      failing = table ? { table, name } : null;
    },
  };
}

/** Everything in the database, for before/after comparisons. */
export async function dump(db: RecoupeDB) {
  return {
    dispatches: await db.dispatches.toArray(),
    meta: await db.meta.toArray(),
    settings: await db.settings.toArray(),
    saved: await db.saved.toArray(),
    segments: await db.segments.toArray(),
    located: await db.located.toArray(),
  };
}

/** Ids of the dispatches the stored index finds, in index order. */
export async function liveIds(db: RecoupeDB): Promise<string[]> {
  return (await loadSegmentSet(db)).ids();
}

export function dispatch(id: string, paragraphs: string[], over: Partial<Dispatch> = {}): Dispatch {
  return { id, outlet: 'Le Site', origin: 'AFP', chain: ['AFP', 'Le Site'], language: 'fr', date: '2022-01-28', title: `Titre ${id}`, paragraphs, ...over };
}

/**
 * The whole-corpus index rows that releases before the segmented index kept in `meta`, built for
 * these dispatches: an old-version database holds them.
 */
export function legacyIndexRows(dispatches: readonly Dispatch[]) {
  const docs = [...dispatches].sort((a, b) => (a.id < b.id ? -1 : 1)).map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  const index = buildIndex(docs);
  const facts = buildFactsIndex(docs);
  return [
    { key: 'index', value: index },
    { key: 'indexVersion', value: INDEX_VERSION },
    { key: 'factsIndex', value: facts },
    { key: 'factsRules', value: FACTS_RULES_VERSION },
  ];
}

/** Adds and removes dispatches as an import or a removal does: rows and their segment in one transaction. */
export async function write(db: RecoupeDB, add: Dispatch[], remove: string[] = []): Promise<void> {
  await db.transaction('rw', [db.dispatches, db.meta, db.segments, db.located], async () => {
    const rows = add.map((d) => toStored(d, 'imported'));
    await db.dispatches.bulkPut(rows);
    await indexAdded(db, rows);
    await db.dispatches.bulkDelete(remove);
    await indexRemoved(db, remove);
  });
}
