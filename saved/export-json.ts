import { t } from '../i18n/t';
import type { SavedComparison, SavedExport } from './types';
import { isWebAddress, toSavedRecord, validateSaved } from './validate';

export const EXPORT_FORMAT = 'recoupe-saved';
export const EXPORT_VERSION = 1;

/** The complete, re-importable export: every field of every record, in a versioned envelope. */
export function toJsonExport(records: readonly SavedComparison[], now: Date): string {
  const data: SavedExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), items: [...records] };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** `textOnly`: how many items have a page address that is not a web address, kept as text, never as a link. */
export type ParsedExport = { ok: true; items: SavedComparison[]; textOnly: number } | { ok: false; error: string };

/** How many faulty items are spelled out in the message; the rest are counted. */
const LISTED = 5;

/**
 * Reads a file made by toJsonExport. A file that is not JSON, not a Recoupe export, of a later
 * version, or with a faulty item is refused as a whole, with a message saying why.
 *
 * An item whose page address is not http(s) (`javascript:`, `data:`…) is still imported: the
 * passages, the note and the tags are the reader's work, and the address is only where the page
 * was. Every view shows such an address as text, never as a link, and the caller tells the reader
 * how many there were.
 */
export function parseJsonExport(text: string): ParsedExport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: t('savedImportNotJson') };
  }
  const env = data as Partial<SavedExport> | null;
  if (typeof env !== 'object' || env === null || Array.isArray(env) || env.format !== EXPORT_FORMAT) {
    return { ok: false, error: t('savedImportForeign') };
  }
  if (typeof env.version !== 'number' || env.version > EXPORT_VERSION || env.version < 1) {
    return { ok: false, error: t('savedImportVersion', { version: String(env.version), supported: EXPORT_VERSION }) };
  }
  if (!Array.isArray(env.items)) return { ok: false, error: t('savedImportNoItems') };
  const errors = env.items.flatMap((item, i) => validateSaved(item, t('savedItemLabel', { n: i + 1 })));
  if (errors.length > 0) {
    const more = errors.length > LISTED ? `; ${t('savedMoreErrors', { count: errors.length - LISTED })}` : '';
    return { ok: false, error: t('savedImportItemErrors', { errors: `${errors.slice(0, LISTED).join('; ')}${more}` }) };
  }
  const items = (env.items as SavedComparison[]).map(toSavedRecord);
  return { ok: true, items, textOnly: items.filter((r) => !isWebAddress(r.page.url)).length };
}
