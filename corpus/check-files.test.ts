import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCorpusFiles } from './check-files';

const corpusDir = new URL('.', import.meta.url).pathname;
const record = 'afp-franceinfo-2021-12-07-biden-sanctions.json';
let dir = '';

function copy(): string {
  dir = mkdtempSync(join(tmpdir(), 'recoupe-corpus-'));
  cpSync(join(corpusDir, 'dispatches'), join(dir, 'dispatches'), { recursive: true });
  cpSync(join(corpusDir, 'bundled.ts'), join(dir, 'bundled.ts'));
  return dir;
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('checkCorpusFiles (the build-time check)', () => {
  it('passes the shipped corpus', () => {
    expect(checkCorpusFiles(corpusDir)).toEqual([]);
  });

  it('names the record and the field of a malformed record', () => {
    const d = copy();
    const path = join(d, 'dispatches', record);
    const value = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...value, date: 'mardi' }));
    expect(checkCorpusFiles(d)).toEqual([
      `dispatch "corpus/dispatches/${record}" (id "afp-franceinfo-2021-12-07-biden-sanctions"): field "date" must be a date written YYYY-MM or YYYY-MM-DD`,
    ]);
  });

  it('reports unparsable JSON, a file not named after its id, and a record bundled.ts does not import', () => {
    const d = copy();
    writeFileSync(join(d, 'dispatches', record), '{"id": "afp-franceinfo-2021-12-07-biden-sanctions",');
    const other = JSON.parse(readFileSync(join(corpusDir, 'dispatches', 'afp-europe1-2021-12-07-poutine-garanties.json'), 'utf8'));
    writeFileSync(join(d, 'dispatches', 'extra.json'), JSON.stringify({ ...other, id: 'extra-id' }));
    const errors = checkCorpusFiles(d);
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^dispatch "corpus/dispatches/${record}": not valid JSON`)));
    expect(errors).toContain('dispatch "corpus/dispatches/extra.json": field "id" is "extra-id" but the file must be named "extra-id.json"');
    expect(errors).toContain('dispatch "corpus/dispatches/extra.json": not imported by corpus/bundled.ts, so it would not ship');
  });
});
