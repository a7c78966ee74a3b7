import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledCorpus } from '../corpus/bundled';
import { dispatchText } from '../engine/index';
import type { JsonReport } from './json-report';

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'recoupe-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Runs the real command as a user would, without a terminal (so without colour). */
function compare(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/compare.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(stdout: string): JsonReport {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as JsonReport;
}

const seed0 = bundledCorpus.find((d) => d.id.startsWith('afp-europe1-'))!;
const seed1 = bundledCorpus.find((d) => d.id.startsWith('afp-franceinfo-'))!;
const seed0Page = file('seed0.txt', dispatchText(seed0));

const ownParagraph =
  'The harbour authority of Saint-Malo said on Thursday that the new ferry terminal would open ' +
  'in the spring, two years later than planned, after engineers found that the northern quay had ' +
  'shifted by several centimetres during the winter storms and had to be rebuilt from its foundations.';
const ownDispatch = {
  id: 'own-harbour',
  outlet: 'Ouest Local',
  origin: 'Ouest Local',
  chain: ['Ouest Local'],
  language: 'en',
  date: '2024-03-01',
  title: 'Ferry terminal delayed',
  text: `${ownParagraph}\n\nThe regional council has not said who will pay for the extra work.`,
};

// Each case starts a Node process with tsx: allow for a busy machine.
const slow = { timeout: 30_000 };

describe('compare: arguments and unreadable input (exit 2, one clear line)', slow, () => {
  it('prints usage with --help', () => {
    const r = compare('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: npm run -s compare -- [--json] [--corpus FILE.ndjson] [--exclude ID]... FILE');
  });

  it.each([
    [[], 'missing FILE argument'],
    [['--verbose', seed0Page], 'unknown option --verbose'],
    [[join(dir, 'nope.txt')], `cannot read page ${join(dir, 'nope.txt')}: no such file`],
    [[file('empty.txt', ' \n\n')], 'is empty'],
    [[file('bad.txt', Buffer.from([0x41, 0xff, 0xfe, 0x42]))], 'not UTF-8 text'],
    [[file('page.pdf', 'x')], 'expected .txt, .html or .htm'],
    [['--exclude', 'no-such-id', seed0Page], '--exclude no-such-id: no dispatch with this id'],
  ])('%j → exit 2: %s', (args, message) => {
    const r = compare(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith('compare: ')).toBe(true);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says a directory cannot be read', () => {
    const path = join(dir, 'folder.txt');
    mkdirSync(path);
    const r = compare(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`compare: cannot read page ${path}: it is a directory\n`);
  });

  // Root reads any file whatever its mode, so this case can only be checked as another user.
  it.skipIf(process.getuid?.() === 0)('says a file without read permission cannot be read', () => {
    const path = file('locked.txt', 'some text');
    chmodSync(path, 0o000);
    const r = compare(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`compare: cannot read page ${path}: permission denied\n`);
  });

  it('lists every bad NDJSON line and loads nothing', () => {
    const ndjson = file(
      'bad.ndjson',
      [JSON.stringify(ownDispatch), '{not json', '', JSON.stringify({ ...ownDispatch, id: 'x', outlet: 3 })].join('\n'),
    );
    const r = compare('--json', '--corpus', ndjson, seed0Page);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe(`compare: corpus ${ndjson}: 2 invalid lines, nothing loaded`);
    expect(lines[1]).toMatch(/^ {2}line 2: invalid JSON/);
    expect(lines[2]).toMatch(/^ {2}line 4: field "outlet"/);
  });
});

describe('compare: results', slow, () => {
  it('finds seed 000 republished in a page made of its text, with offsets into both texts', () => {
    const r = compare('--json', seed0Page);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(Object.keys(report)).toEqual(['dispatches', 'passages']);
    expect(report.dispatches[0]).toEqual({
      id: seed0.id,
      outlet: 'Europe 1',
      origin: 'AFP',
      relation: 'republished',
      coverage: expect.any(Number),
    });
    expect(report.dispatches[0].coverage).toBeGreaterThan(0.9);
    expect(report.passages.length).toBeGreaterThan(0);
    const pageText = dispatchText(seed0);
    const texts = new Map(bundledCorpus.map((d) => [d.id, dispatchText(d)]));
    for (const p of report.passages) {
      expect(Object.keys(p).sort()).toEqual(['dispatch', 'kind', 'page', 'quote', 'score', 'source']);
      expect(['verbatim', 'edited']).toContain(p.kind);
      expect(typeof p.quote).toBe('boolean');
      expect(p.page.text).toBe(pageText.slice(p.page.start, p.page.end));
      expect(p.source.text).toBe(texts.get(p.dispatch)!.slice(p.source.start, p.source.end));
      expect(p.page.text.length).toBeGreaterThan(0);
    }
    // The two AFP write-throughs share verbatim runs, so the other one shows up too.
    expect(report.dispatches.map((d) => d.id)).toContain(seed1.id);
  });

  it('leaves an --exclude-d dispatch out', () => {
    const report = json(compare('--json', '--exclude', seed0.id, seed0Page).stdout);
    expect(report.dispatches.map((d) => d.id)).not.toContain(seed0.id);
    expect(report.passages.map((p) => p.dispatch)).not.toContain(seed0.id);
    expect(report.dispatches.map((d) => d.id)).toContain(seed1.id);
    const none = json(compare('--json', `--exclude=${seed0.id}`, `--exclude=${seed1.id}`, seed0Page).stdout);
    expect(none.passages.map((p) => p.dispatch)).not.toContain(seed1.id);
  });

  it('matches against an NDJSON corpus instead of the bundled one', () => {
    const ndjson = file('own.ndjson', JSON.stringify(ownDispatch) + '\n');
    const page = file('own-page.txt', `Local news in brief.\n\n${ownParagraph}\n\nWeather: rain all week.`);
    const report = json(compare('--json', '--corpus', ndjson, page).stdout);
    expect(report.dispatches.map((d) => d.id)).toEqual(['own-harbour']);
    expect(report.passages[0].page.text).toContain('new ferry terminal would open');
    // Nothing of the bundled corpus is there.
    expect(json(compare('--json', '--corpus', ndjson, seed0Page).stdout)).toEqual({ dispatches: [], passages: [] });
  });

  it('reads HTML through the article extraction', () => {
    const paragraphs = seed0.paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
    const html = file(
      'article.html',
      `<!doctype html><html><head><title>${seed0.title}</title></head><body>
       <nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
       <article><h1>${seed0.title}</h1>${paragraphs}</article>
       <footer>© Tous droits réservés</footer></body></html>`,
    );
    const report = json(compare('--json', html).stdout);
    expect(report.dispatches[0]).toMatchObject({ id: seed0.id, relation: 'republished' });
    expect(report.passages.some((p) => p.page.text.includes('Vladimir Poutine'))).toBe(true);
  });

  it('says so for HTML that is not an article, with empty JSON results and exit 0', () => {
    const nav = file('nav.html', '<html><body><nav><ul><li><a href="/a">Home</a></li><li><a href="/b">Search</a></li></ul></nav></body></html>');
    const r = compare('--json', nav);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual({ dispatches: [], passages: [] });
    expect(r.stderr).toContain('no article text found');
    const text = compare(nav);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('No article text found');
  });

  it('prints a readable report without colour when not on a terminal', () => {
    const r = compare(seed0Page);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seed0\.txt: \d+ words, matched against 5 dispatches/);
    expect(r.stdout).toMatch(/republished from AFP via Europe 1: \d+% of the page/);
    expect(r.stdout).toMatch(/1\. (verbatim|edited), (narration|quotation), score \d\.\d\d/);
    expect(r.stdout).not.toContain('\u001b[');
  });
});
