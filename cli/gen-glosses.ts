import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossTable, reverseGlossTable } from '../engine/facts/gloss-table';
import { LEXICON_ENTRIES } from '../engine/translation/lexicon';

/**
 * Writes engine/data/glosses.json and engine/data/gloss-stems.json (the same table read backwards)
 * from the bilingual lexicon (run after editing lexicon-fr-en.json).
 */
const dir = join(import.meta.dirname, '..', 'engine', 'data');
const table = buildGlossTable(LEXICON_ENTRIES);
for (const [name, data] of [['glosses.json', table], ['gloss-stems.json', reverseGlossTable(table)]] as const) {
  writeFileSync(join(dir, name), formatGlosses(data));
  console.log(`wrote ${join(dir, name)}`);
}

export function formatGlosses(table: unknown): string {
  return JSON.stringify(table) + '\n';
}
