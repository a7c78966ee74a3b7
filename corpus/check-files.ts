import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCorpus } from './validate';

/**
 * Node-only check of the corpus folder, run by the build: every record parses, validates, is
 * named after its id, and is imported by bundled.ts (a record that is not imported would
 * silently never ship). Returns the problems found; empty means the corpus can ship.
 */
export function checkCorpusFiles(corpusDir: string): string[] {
  const dispatchDir = join(corpusDir, 'dispatches');
  const files = readdirSync(dispatchDir).filter((f) => f.endsWith('.json')).sort();
  const bundledSource = readFileSync(join(corpusDir, 'bundled.ts'), 'utf8');
  const errors: string[] = [];
  const records: { label: string; value: unknown }[] = [];
  if (files.length === 0) errors.push(`corpus "${dispatchDir}": no dispatch records`);
  for (const file of files) {
    const label = `corpus/dispatches/${file}`;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(join(dispatchDir, file), 'utf8'));
    } catch (e) {
      errors.push(`dispatch "${label}": not valid JSON (${(e as Error).message})`);
      continue;
    }
    records.push({ label, value });
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && `${id}.json` !== file) {
      errors.push(`dispatch "${label}": field "id" is "${id}" but the file must be named "${id}.json"`);
    }
    if (!bundledSource.includes(`./dispatches/${file}'`)) {
      errors.push(`dispatch "${label}": not imported by corpus/bundled.ts, so it would not ship`);
    }
  }
  errors.push(...validateCorpus(records, dispatchDir));
  return errors;
}
