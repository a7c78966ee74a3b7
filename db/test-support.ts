import type { Dispatch } from '../engine/index';
import { openDb, type RecoupeDB } from './recoupe-db';

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
  };
}

export function dispatch(id: string, paragraphs: string[], over: Partial<Dispatch> = {}): Dispatch {
  return { id, outlet: 'Le Site', origin: 'AFP', chain: ['AFP', 'Le Site'], language: 'fr', date: '2022-01-28', title: `Titre ${id}`, paragraphs, ...over };
}
