import { parseNdjson, type NdjsonError } from '../corpus/ndjson';
import type { ImportSummary } from '../messaging/protocol';
import { ImportError, importDispatches } from './import';
import type { RecoupeDB } from './recoupe-db';

/** A file with malformed lines: nothing was imported; `lines` says where and why. */
export class NdjsonImportError extends ImportError {
  constructor(readonly lines: NdjsonError[]) {
    const shown = lines.slice(0, 10).map((e) => `line ${e.line}: ${e.message}`);
    const more = lines.length > 10 ? `; and ${lines.length - 10} more` : '';
    super('invalid', `Nothing was imported, the file has errors: ${shown.join('; ')}${more}.`);
    this.name = 'NdjsonImportError';
  }
}

/** Parses an NDJSON file and imports it all or nothing (see importDispatches for the modes). */
export async function importNdjson(db: RecoupeDB, text: string, mode: 'extend' | 'replace'): Promise<ImportSummary> {
  const parsed = parseNdjson(text);
  if (!parsed.ok) throw new NdjsonImportError(parsed.errors);
  return importDispatches(db, parsed.dispatches, mode);
}
