import {
  buildFactsIndex,
  buildIndex,
  dispatchText,
  FACTS_RULES_VERSION,
  INDEX_VERSION,
  type CorpusIndex,
  type FactsIndex,
} from '../engine/index';
import type { RecoupeDB } from './recoupe-db';

/**
 * Rebuilds the matching index and the same-fact index from every dispatch in the database and
 * stores them. Call inside a rw transaction over `dispatches` and `meta`, so both indexes always
 * describe the stored corpus.
 */
export async function rebuildIndex(db: RecoupeDB): Promise<void> {
  const rows = await db.dispatches.toArray();
  // Primary-key order, so the same corpus always gives the same indexes.
  const docs = rows.map((d) => ({ id: d.id, text: dispatchText(d), date: d.date, language: d.language }));
  const index = buildIndex(docs);
  const facts = buildFactsIndex(docs);
  await db.meta.bulkPut([
    { key: 'index', value: index },
    { key: 'indexVersion', value: INDEX_VERSION },
    { key: 'factsIndex', value: facts },
    { key: 'factsRules', value: facts.rules },
  ]);
}

/**
 * True when both stored indexes exist and were built by this engine: the text index in its
 * layout, the facts index under its word lists (an update can change them without touching the
 * corpus).
 */
export async function hasCurrentIndex(db: RecoupeDB): Promise<boolean> {
  const [version, rules, stored] = await Promise.all([
    db.meta.get('indexVersion'),
    db.meta.get('factsRules'),
    db.meta.where('key').anyOf('index', 'factsIndex').count(),
  ]);
  return stored === 2 && version?.value === INDEX_VERSION && rules?.value === FACTS_RULES_VERSION;
}

/** The stored index, ready for the engine. */
export async function loadIndex(db: RecoupeDB): Promise<CorpusIndex> {
  const row = await db.meta.get('index');
  if (!row || row.key !== 'index') throw new Error('The corpus index is missing: the corpus has not been seeded yet.');
  return row.value;
}

/** The stored same-fact index, ready for alignFacts. */
export async function loadFactsIndex(db: RecoupeDB): Promise<FactsIndex> {
  const row = await db.meta.get('factsIndex');
  if (!row || row.key !== 'factsIndex') throw new Error('The facts index is missing: the corpus has not been seeded yet.');
  return row.value;
}
