import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossTable } from '../engine/facts/gloss-table';
import { LEXICON_ENTRIES } from '../engine/translation/lexicon';

/** Writes engine/data/glosses.json from the bilingual lexicon (run after editing lexicon-fr-en.json). */
const out = join(import.meta.dirname, '..', 'engine', 'data', 'glosses.json');
writeFileSync(out, formatGlosses(buildGlossTable(LEXICON_ENTRIES)));
console.log(`wrote ${out}`);

export function formatGlosses(table: ReturnType<typeof buildGlossTable>): string {
  return JSON.stringify(table) + '\n';
}
