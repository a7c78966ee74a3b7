import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The seed dispatches as files on disk, beside the repository, without their " date YYYY-MM" marker. */
export const SEEDS_DIR = join(import.meta.dirname, '../../../shared/seeds');

export function seedText(prefix: string): string {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix} in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, file), 'utf8').replace(/^\s*date \d{4}-\d{2}\s*/, '');
}

export const SEED_PREFIXES = ['000', '001', '002', '003', '004'] as const;
