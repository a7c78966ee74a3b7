/**
 * The database's stores, one constant per schema version. A new version adds a constant here and
 * a `db.version(n).stores(...).upgrade(...)` line in recoupe-db.ts; earlier constants never change,
 * because installed browsers upgrade from them.
 */

/** Version 1: the corpus (bundled and imported dispatches), its index and version, the reader's settings. */
export const SCHEMA_V1 = {
  dispatches: 'id, source',
  meta: 'key',
  settings: 'key',
} as const;
