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

/**
 * Version 2 adds the reader's saved comparisons, indexed for the Saved view (date order, the
 * comparisons of one page, of one dispatch, by tag). Corpus seeding and imports never open it.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  saved: 'id, savedAt, page.url, other.dispatch, *tags',
} as const;
