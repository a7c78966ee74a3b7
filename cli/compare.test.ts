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
    expect(r.stdout).toContain('Usage: npm run -s compare -- [--json] [--facts [--date YYYY-MM-DD]] [--corpus FILE.ndjson] [--exclude ID]... FILE');
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

/** Facts of the 7 December 2021 Biden–Putin call (AFP), told in words of this test's own. */
const retold = [
  'Lors d’un entretien par vidéo mardi, le chef du Kremlin a exigé de Joe Biden des garanties juridiques interdisant toute extension de l’Alliance atlantique vers l’est, accusant l’Otan de renforcer ses capacités militaires près des frontières russes.',
  'Le dirigeant russe a fustigé l’attitude agressive de Kiev, qui chercherait à enterrer les accords de paix de Minsk signés en 2015 avec les séparatistes.',
  'Jake Sullivan, conseiller de la Maison Blanche pour la sécurité nationale, affirme que le président américain n’a consenti aucune concession ni promesse sur l’Otan.',
  'Moscou a aussi suggéré d’annuler l’ensemble des représailles visant les missions diplomatiques des deux pays, accumulées ces derniers mois.',
];
const retoldPage = file('retold.txt', retold.join('\n\n'));
const news24 = bundledCorpus.find((d) => d.id.startsWith('afp-news24-'))!;

function expectConsistent(report: JsonReport, pageText: string) {
  const texts = new Map(bundledCorpus.map((d) => [d.id, dispatchText(d)]));
  for (const p of report.passages) {
    expect(Object.keys(p).sort()).toEqual(['dispatch', 'hints', 'kind', 'page', 'quote', 'score', 'source']);
    const source = texts.get(p.dispatch)!;
    expect(p.page.text).toBe(pageText.slice(p.page.start, p.page.end));
    expect(p.source.text).toBe(source.slice(p.source.start, p.source.end));
    expect(Array.isArray(p.hints)).toBe(true);
    for (const h of p.hints!) {
      expect(Object.keys(h).sort()).toEqual(['note', 'page', 'source', 'type']);
      expect(h.page.text).toBe(pageText.slice(h.page.start, h.page.end));
      expect(h.source.text).toBe(source.slice(h.source.start, h.source.end));
      expect(h.note.length).toBeGreaterThan(10);
    }
  }
}

describe('compare --facts', slow, () => {
  it('pairs each retold sentence with the dispatches telling that fact, with hints and same-story verdicts', () => {
    const r = compare('--json', '--facts', '--date', '2021-12-07', retoldPage);
    expect(r.code).toBe(0);
    const report = json(r.stdout);
    expect(Object.keys(report)).toEqual(['dispatches', 'passages']);
    expectConsistent(report, retold.join('\n\n'));
    expect(report.passages.length).toBeGreaterThanOrEqual(4);
    expect(report.passages.every((p) => p.kind === 'same-fact' && p.quote === false && p.score > 0 && p.score <= 1)).toBe(true);
    const starts = report.passages.map((p) => p.page.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(new Set(report.passages.filter((p) => p.dispatch === seed0.id).map((p) => p.page.start)).size).toBe(4);
    const kiev = report.passages.find((p) => p.dispatch === seed0.id && p.page.text.includes('chercherait'))!;
    expect(kiev.hints!.find((h) => h.type === 'hedging')?.page.text).toBe('chercherait');
    expect(report.dispatches[0]).toEqual({ id: seed0.id, outlet: 'Europe 1', origin: 'AFP', relation: 'same-story', coverage: expect.any(Number) });
    // The 28 January 2022 call is another event: on the page's date it is not paired.
    expect(report.passages.map((p) => p.dispatch)).not.toContain(news24.id);
  });

  it('reads an HTML page’s own publication date', () => {
    const page = (date: string) =>
      file(
        `retold-${date}.html`,
        `<!doctype html><html lang="fr"><head><title>Poutine et Biden</title>
       <meta property="article:published_time" content="${date}T19:30:00+01:00"></head><body>
       <article><h1>Poutine et Biden</h1>${retold.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`,
      );
    const dated = json(compare('--json', '--facts', page('2021-12-07')).stdout);
    expect(dated.passages.length).toBeGreaterThanOrEqual(4);
    expect(dated.passages.map((p) => p.dispatch)).not.toContain(news24.id);
    // Dispatches published a year and a half before the page weigh less: the date was read.
    const late = json(compare('--json', '--facts', page('2023-06-01')).stdout);
    expect(late.passages.length).toBeLessThan(dated.passages.length);
  });

  it('keeps the text passages and verdicts of a republished page, adds hints, and pairs none of its copied sentences', () => {
    const plain = json(compare('--json', seed0Page).stdout);
    const withFacts = json(compare('--json', '--facts', seed0Page).stdout);
    expectConsistent(withFacts, dispatchText(seed0));
    const text = withFacts.passages.filter((p) => p.kind !== 'same-fact');
    expect(text.map(({ hints: _h, ...p }) => p)).toEqual(plain.passages);
    expect(withFacts.dispatches.slice(0, plain.dispatches.length)).toEqual(plain.dispatches);
    expect(withFacts.dispatches[0]).toMatchObject({ id: seed0.id, relation: 'republished' });
    expect(withFacts.passages.filter((p) => p.kind === 'same-fact' && p.dispatch === seed0.id)).toEqual([]);
    expect(withFacts.passages.some((p) => p.kind === 'same-fact')).toBe(true);
    expect(withFacts.passages.some((p) => p.kind === 'edited' && p.hints!.length > 0)).toBe(true);
  });

  it('prints same-fact pairs with their hints in the readable report', () => {
    const r = compare('--facts', '--date=2021-12-07', retoldPage);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tells the same story as AFP via Europe 1, in other words: \d+% of the page \[[^\]]+, 4 facts\]/);
    expect(r.stdout).toMatch(/1\. same fact, in other words, score \d\.\d\d, from /);
    expect(r.stdout).toContain('shared: ');
    expect(r.stdout).toMatch(/- hedging: .*\(page «chercherait»/);
    // Without --facts the readable report of that page finds no copied text.
    expect(compare(retoldPage).stdout).toContain('No passage of this page matches the corpus.');
  });
});
