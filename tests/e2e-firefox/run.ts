/**
 * Real-browser tests in Firefox: Debian's firefox-esr (or $FIREFOX_PATH) driven over WebDriver
 * BiDi by puppeteer-core, with the built Firefox extension installed as a temporary add-on.
 * Usage: node --import tsx tests/e2e-firefox/run.ts [name filter]
 * Build first (`npm run build:firefox`); `npm test` does.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startStaticServer } from '../../scripts/lib/static-server';
import type { FirefoxTest, FirefoxTestContext } from './lib/types';
import { oneLine, withTimeout } from '../e2e/lib/runner-utils';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const extDir = join(repoRoot, '.output/firefox-mv2');
const realPagesDir = resolve(repoRoot, '../shared/real-pages');
const fixturesDir = join(repoRoot, 'tests/fixtures/pages');
const executablePath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const filter = process.argv[2] ?? process.env.E2E_GREP ?? '';
const ADDON_ID = 'recoupe@recoupe.invalid';
/** Firefox gives each add-on a random internal UUID; this pref fixes it, so its pages have a known address. */
const ADDON_UUID = '3f7c2a51-9d4e-4b8a-a6c1-52e0d8b7f419';
const SUITE_LIMIT_MS = 3 * 60_000;

let passed = 0;
let failed = 0;
const temporary: string[] = [];
function removeTemporary(): void {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

function bail(message: string): never {
  removeTemporary();
  console.error(`e2e-firefox: ${message}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}

// A build in progress removes the folder for a moment; give it a few seconds to come back.
for (let i = 0; i < 40 && !existsSync(join(extDir, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 250));
if (!existsSync(join(extDir, 'manifest.json'))) bail(`no built extension in ${extDir}; run \`npm run build:firefox\` first`);
if (!existsSync(executablePath)) bail(`no Firefox at ${executablePath}; install Debian's firefox-esr or set FIREFOX_PATH`);
if (!existsSync(realPagesDir)) bail(`real pages not found at ${realPagesDir} (expected ../shared/real-pages beside the project)`);

async function loadTests(): Promise<FirefoxTest[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.ff.ts')).sort();
  const all: FirefoxTest[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { tests?: FirefoxTest[] };
    if (!Array.isArray(mod.tests)) bail(`${file} does not export \`tests\``);
    all.push(...mod.tests);
  }
  return all.filter((t) => t.name.includes(filter));
}

async function launch(localPort: number): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    timeout: 60_000,
    // WebDriver BiDi refuses to navigate a tab to a moz-extension: page unless this is given.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Offline apart from 127.0.0.1 (never proxied): every other address goes through the test server
      // as a proxy, which answers 404 (http) or drops the connection (https), at once and without DNS.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': localPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': localPort,
      'network.proxy.no_proxies_on': '127.0.0.1',
    },
  });
}

async function main(): Promise<number> {
  const tests = await loadTests();
  const server = await startStaticServer({ '/fixtures/': fixturesDir, '/real/': realPagesDir });
  // A snapshot: a temporary add-on is read from its folder, which a rebuild would pull from under it.
  const snapshot = mkdtempSync(join(tmpdir(), 'recoupe-ff-ext-'));
  cpSync(extDir, snapshot, { recursive: true });
  temporary.push(snapshot);
  const browser = await launch(Number(new URL(server.origin).port));
  const addonId = await browser.installExtension(snapshot);
  if (addonId !== ADDON_ID) bail(`installed add-on id is ${addonId}, expected ${ADDON_ID}`);
  const version = await browser.version();
  console.log(`e2e-firefox: ${version} with add-on ${addonId}, pages on ${server.origin}, ${tests.length} tests`);

  for (const test of tests) {
    const testStarted = Date.now();
    const pages: Page[] = [];
    const pageErrors: string[] = [];
    const extraLines: string[] = [];
    let acceptError: (e: Error, url: string) => boolean = () => false;
    const watch = (p: Page) => {
      pages.push(p);
      p.on('pageerror', (e) => {
        const error = e instanceof Error ? e : new Error(String(e));
        if (!acceptError(error, p.url())) pageErrors.push(`${p.url()}: ${error.stack ?? error.message}`);
      });
      return p;
    };
    let error: unknown;
    try {
      const t: FirefoxTestContext = {
        browser,
        page: watch(await browser.newPage()),
        newPage: async () => watch(await browser.newPage()),
        server,
        extensionOrigin: `moz-extension://${ADDON_UUID}`,
        allowPageErrors: (accept) => {
          acceptError = accept;
        },
        log: (line) => extraLines.push(line),
        repoRoot,
        realPagesDir,
      };
      await withTimeout(test.run(t), test.timeoutMs ?? 30_000, 'test');
    } catch (e) {
      error = e;
    }
    if (!error && pageErrors.length) error = new Error(`page error: ${pageErrors.join(' || ')}`);
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
    const ms = Date.now() - testStarted;
    if (error) {
      failed++;
      console.log(`✗ ${test.name} (${ms} ms): ${oneLine(error)}`);
    } else {
      passed++;
      console.log(`✓ ${test.name} (${ms} ms)`);
    }
    for (const line of extraLines) console.log(`    ${line}`);
  }

  await browser.close().catch(() => undefined);
  await server.close();
  removeTemporary();
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

// A hung browser must not hang the run: past the limit, what ran is counted and the rest is one failure.
const guard = setTimeout(() => {
  console.error(`e2e-firefox: suite exceeded ${SUITE_LIMIT_MS / 1000} s`);
  removeTemporary();
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, SUITE_LIMIT_MS);
guard.unref();

main().then(
  (code) => process.exit(code),
  (error) => bail(`the suite could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
);
