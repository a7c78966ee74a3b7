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

/**
 * Version 3 adds the segmented corpus index: `segments` holds one binary blob per immutable
 * segment (text and facts indexes of a set of dispatches), `located` where the live copy of each
 * dispatch is (segment and position), so that a removal or an update writes a tombstone without
 * reading the segments. The manifest of live segments and their tombstones is a `meta` row.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  segments: 'id',
  located: 'id, seg',
} as const;

/**
 * Version 4 indexes when each dispatch of the reading memory was read (`readAt`, so that the
 * oldest are forgotten first without reading the others) and adds `staged`: during an import read in batches, the new version of each dispatch
 * that is already in the corpus waits here until the import is committed, so that a cancelled or
 * interrupted import leaves the stored dispatch as it was. Dispatches new to the corpus are
 * written straight to `dispatches`, and count only once indexed (see import-job.ts).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  dispatches: 'id, source, readAt',
  staged: 'id',
} as const;
