import { describe, expect, it } from 'vitest';
import { parsePageCostArgs, selectPages } from './args';

describe('bench:pages arguments', () => {
  it('defaults to every page, 3 runs, 2.5 s settle, no comparison', () => {
    expect(parsePageCostArgs([])).toEqual({ kind: 'run', options: { runs: 3, pages: { kind: 'all' }, settleMs: 2500, compare: [], floor: false, messagingFloor: false } });
  });

  it('takes --compare more than once and --floor as a switch', () => {
    const parsed = parsePageCostArgs(['--compare', '/a', '--floor', '--compare=/b']);
    expect(parsed.kind === 'run' && parsed.options).toMatchObject({ compare: ['/a', '/b'], floor: true });
  });

  it('reads --runs, --settle, --compare in both spellings and --pages as a count or a glob', () => {
    const parsed = parsePageCostArgs(['--runs', '1', '--settle=800', '--compare', '/tmp/base/.output/chrome-mv3', '--pages=8']);
    expect(parsed).toEqual({ kind: 'run', options: { runs: 1, settleMs: 800, compare: ['/tmp/base/.output/chrome-mv3'], floor: false, messagingFloor: false, pages: { kind: 'count', count: 8 } } });
    const glob = parsePageCostArgs(['--pages', 'a*.html']);
    expect(glob.kind === 'run' && glob.options.pages).toEqual({ kind: 'glob', glob: 'a*.html' });
  });

  it('takes --messaging-floor as a switch, beside --profile too', () => {
    const parsed = parsePageCostArgs(['--messaging-floor', '--profile', '002.html']);
    expect(parsed.kind === 'run' && parsed.options).toMatchObject({ messagingFloor: true, floor: false, profile: '002.html' });
  });

  it('refuses unknown options, missing values and bad numbers', () => {
    expect(parsePageCostArgs(['--fast']).kind).toBe('error');
    expect(parsePageCostArgs(['--runs']).kind).toBe('error');
    expect(parsePageCostArgs(['--runs', '0']).kind).toBe('error');
    expect(parsePageCostArgs(['--settle', '1.5']).kind).toBe('error');
    expect(parsePageCostArgs(['-h']).kind).toBe('help');
  });

  it('selects pages by count (sorted) or by glob on the file name', () => {
    const names = ['c.html', 'a.html', 'b-news.html', 'ab.html'];
    expect(selectPages(names, { kind: 'all' })).toEqual(['a.html', 'ab.html', 'b-news.html', 'c.html']);
    expect(selectPages(names, { kind: 'count', count: 2 })).toEqual(['a.html', 'ab.html']);
    expect(selectPages(names, { kind: 'glob', glob: 'a*.html' })).toEqual(['a.html', 'ab.html']);
    expect(selectPages(names, { kind: 'glob', glob: '?.html' })).toEqual(['a.html', 'c.html']);
    expect(selectPages(names, { kind: 'glob', glob: 'b-news.html' })).toEqual(['b-news.html']);
    expect(selectPages(names, { kind: 'glob', glob: '[ac].html' })).toEqual(['a.html', 'c.html']);
    expect(selectPages(['a.html', 'axhtml'], { kind: 'glob', glob: 'a.html' })).toEqual(['a.html']);
  });
});
