import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads a bare FILE with defaults', () => {
    expect(parseArgs(['page.txt'])).toEqual({
      kind: 'run',
      options: { json: false, facts: false, corpus: undefined, exclude: [], file: 'page.txt' },
    });
  });

  it('reads every option, in both value spellings and any order', () => {
    expect(parseArgs(['--exclude', 'a', 'page.html', '--json', '--corpus=c.ndjson', '--exclude=b'])).toEqual({
      kind: 'run',
      options: { json: true, facts: false, corpus: 'c.ndjson', exclude: ['a', 'b'], file: 'page.html' },
    });
    expect(parseArgs(['--facts', '--date', '2021-12-07', 'page.txt'])).toEqual({
      kind: 'run',
      options: { json: false, facts: true, corpus: undefined, exclude: [], file: 'page.txt', date: '2021-12-07' },
    });
  });

  it('rejects a --date that is not a day', () => {
    expect(parseArgs(['--date=7 décembre', 'page.txt'])).toEqual({ kind: 'error', message: '--date 7 décembre: expected YYYY-MM-DD' });
  });

  it('takes what follows -- as the FILE even when it looks like an option', () => {
    expect(parseArgs(['--json', '--', '--odd-name.txt'])).toMatchObject({
      kind: 'run',
      options: { json: true, file: '--odd-name.txt' },
    });
  });

  it('asks for help with --help or -h, whatever else is there', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['page.txt', '-h'])).toEqual({ kind: 'help' });
  });

  it('rejects an unknown option by name', () => {
    expect(parseArgs(['--jsn', 'page.txt'])).toEqual({ kind: 'error', message: 'unknown option --jsn' });
    expect(parseArgs(['-x', 'page.txt'])).toEqual({ kind: 'error', message: 'unknown option -x' });
  });

  it('rejects a missing FILE, two FILEs, and options without their value', () => {
    expect(parseArgs([])).toMatchObject({ kind: 'error', message: expect.stringContaining('missing FILE') });
    expect(parseArgs(['--json'])).toMatchObject({ kind: 'error', message: expect.stringContaining('missing FILE') });
    expect(parseArgs(['a.txt', 'b.txt'])).toMatchObject({ kind: 'error', message: expect.stringContaining('one FILE') });
    expect(parseArgs(['page.txt', '--exclude'])).toEqual({ kind: 'error', message: 'option --exclude needs a value' });
    expect(parseArgs(['--corpus=', 'page.txt'])).toEqual({ kind: 'error', message: 'option --corpus needs a value' });
    expect(parseArgs(['--corpus', 'a', '--corpus', 'b', 'p.txt'])).toEqual({ kind: 'error', message: '--corpus given twice' });
  });
});
