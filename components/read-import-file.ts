import { getLanguage, t } from '../i18n/t';
import type { MessageKey } from '../i18n/messages';
import { fileTooLarge, jsonMessageBytes, MESSAGE_LIMIT_BYTES } from '../messaging/message-size';

export type ReadImport = { ok: true; text: string } | { ok: false; error: string };

/** What a file read needs: its name, its size, its bytes (a File, or a stand-in in tests). */
export type ImportFile = Pick<Blob, 'size' | 'arrayBuffer'> & { name: string };

/** Bytes as the reader's language writes them, in megabytes: "67.1 MB", "67,1 Mo". */
export function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat(getLanguage(), { style: 'unit', unit: 'megabyte', unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / 1e6);
}

/**
 * An import file's text, or why it is refused, in the reader's language: not UTF-8 (a Latin-1 file
 * would otherwise import as garbled letters, silently), or too large to send to the background in
 * one message. A UTF-8 byte-order mark is fine.
 */
export async function readImportFile(file: ImportFile, tooLarge: MessageKey, limit = MESSAGE_LIMIT_BYTES): Promise<ReadImport> {
  const refuse = (size: number): ReadImport => ({
    ok: false,
    error: t(tooLarge, { name: file.name, size: formatMegabytes(size), limit: formatMegabytes(limit) }),
  });
  if (fileTooLarge(file.size, limit)) return refuse(file.size);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, error: t('optImportNotUtf8', { name: file.name }) };
  }
  // JSON escaping makes a byte at most six: a file that fits even then needs no count (and no long task).
  if (file.size * 6 + 2 <= limit) return { ok: true, text };
  const size = jsonMessageBytes(text);
  return size > limit ? refuse(size) : { ok: true, text };
}
