import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/t';
import { RemoteError } from '../messaging/client';
import { fileTooLarge, jsonMessageBytes, MESSAGE_LIMIT_BYTES } from '../messaging/message-size';
import { importErrorText, listedErrors } from './import-errors';
import { readImportFile, type ImportFile } from './read-import-file';

afterEach(() => setLanguage('en'));

function file(name: string, bytes: Uint8Array | string): ImportFile {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: data.byteLength, arrayBuffer: async () => data.slice().buffer };
}

describe('reading an import file', () => {
  it('reads UTF-8, with or without a byte-order mark', async () => {
    expect(await readImportFile(file('a.ndjson', '{"t":"Élysée"}'), 'optImportTooLarge')).toEqual({ ok: true, text: '{"t":"Élysée"}' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"t":"é"}')]);
    expect(await readImportFile(file('b.ndjson', bom), 'optImportTooLarge')).toEqual({ ok: true, text: '{"t":"é"}' });
  });

  it('refuses a Latin-1 file with a message naming it, in the reader’s language', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"title":"'), 0xc9, 0x6c, 0x79, 0x73, 0xe9, 0x65, ...new TextEncoder().encode('"}')]);
    const en = await readImportFile(file('latin1.ndjson', latin1), 'optImportTooLarge');
    expect(en).toEqual({ ok: false, error: expect.stringContaining('“latin1.ndjson” is not UTF-8 text') });
    setLanguage('fr');
    const fr = await readImportFile(file('latin1.ndjson', latin1), 'optImportTooLarge');
    expect(fr).toEqual({ ok: false, error: expect.stringContaining('«\u00a0latin1.ndjson\u00a0» n’est pas un texte UTF-8') });
  });

  it('refuses a file too large for one message before reading it, saying its size and the limit', async () => {
    let read = false;
    const huge: ImportFile = { name: 'huge.ndjson', size: 70_000_000, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
    const r = await readImportFile(huge, 'optImportTooLarge');
    expect(read).toBe(false);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/“huge\.ndjson” is 70 MB, more than the 67 MB .*Split it/) });
  });

  it('refuses a file whose text grows over the limit once escaped for the message', async () => {
    // 60 bytes of quotes: each becomes \" in the message.
    const quotes = '"'.repeat(60);
    expect(await readImportFile(file('q.ndjson', quotes), 'optImportTooLarge', 100)).toEqual({ ok: false, error: expect.stringContaining('“q.ndjson”') });
    expect((await readImportFile(file('q.ndjson', quotes), 'optImportTooLarge', 200)).ok).toBe(true);
  });
});

describe('the size of a message', () => {
  it('counts the bytes of the text as JSON would send it', () => {
    for (const s of ['', 'abc', 'é€😀', '"\\\n\r\t\b\f', '\u0000\u001f', 'lone \ud800 surrogate', 'x'.repeat(1000)]) {
      expect(jsonMessageBytes(s), JSON.stringify(s)).toBe(new TextEncoder().encode(JSON.stringify(s)).byteLength);
    }
  });

  it('knows a file over the limit without reading it', () => {
    expect(MESSAGE_LIMIT_BYTES).toBeLessThan(64 * 1024 * 1024);
    expect(fileTooLarge(64 * 1024 * 1024)).toBe(true);
    expect(fileTooLarge(MESSAGE_LIMIT_BYTES)).toBe(false);
  });
});

describe('import errors on the page', () => {
  it('lists 50 rows and counts the other lines', () => {
    const errors = Array.from({ length: 100_000 }, (_, i) => [{ line: i + 1, message: 'a' }, { line: i + 1, message: 'b' }]).flat();
    const { shown, lines, moreLines } = listedErrors(errors);
    expect(shown).toHaveLength(50);
    expect(lines).toBe(100_000);
    expect(moreLines).toBe(100_000 - 25);
    expect(listedErrors(errors.slice(0, 4))).toEqual({ shown: errors.slice(0, 4), lines: 2, moreLines: 0 });
  });

  it('shows the background’s words, never the browser’s raw error', () => {
    expect(importErrorText(new RemoteError('Rien n’a été importé.'))).toBe('Rien n’a été importé.');
    for (const raw of [new Error('Message length exceeded maximum allowed length.'), new Error('Could not establish connection. Receiving end does not exist.'), 'boom', undefined]) {
      expect(importErrorText(raw)).toBe('Recoupe could not finish the import. Try again; if it fails again, reload this page.');
    }
  });
});
