/**
 * Real-browser tests: Debian Chromium (or $CHROMIUM_PATH) with the built extension loaded.
 * Usage: node --import tsx tests/e2e/run.ts [name filter, alternatives separated by |]; E2E_EXTENSION_DIR=<built extension> to test another build.
 * Build first (`npm run build`); `npm test` does.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/lib/browser';
import { startStaticServer } from '../../scripts/lib/static-server';
import type { E2eTest, TestContext } from './lib/types';
import { oneLine, withTimeout } from './lib/runner-utils';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
// E2E_EXTENSION_DIR runs the suite against another build (an older one, to see an attack test fail there).
const extDir = process.env.E2E_EXTENSION_DIR ? resolve(process.env.E2E_EXTENSION_DIR) : join(repoRoot, '.output/chrome-mv3');
const realPagesDir = resolve(repoRoot, '../shared/real-pages');
const fixturesDir = join(repoRoot, 'tests/fixtures/pages');
const artifactsDir = join(repoRoot, 'tests/artifacts');
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const filter = process.argv[2] ?? process.env.E2E_GREP ?? '';
// About 4 minutes on a quiet 2-core machine; the margin covers a loaded one.
const SUITE_LIMIT_MS = 12 * 60_000;

/** Temporary folders to remove however the run ends. */
const temporary: string[] = [];
function removeTemporary(): void {
  for (const dir of temporary.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A browser still shutting down may hold files; the folder is in the system's temp dir anyway.
    }
  }
}

function bail(message: string): never {
  removeTemporary();
  console.error(`e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// A build in progress removes the folder for a moment; give it a few seconds to come back.
for (let i = 0; i < 40 && !existsSync(join(extDir, 'manifest.json')); i++) await new Promise((r) => setTimeout(r, 250));
if (!existsSync(join(extDir, 'manifest.json'))) bail(`no built extension in ${extDir}; run \`npm run build\` first`);
if (!existsSync(executablePath)) bail(`no Chromium at ${executablePath}; install Debian's chromium or set CHROMIUM_PATH`);
if (!existsSync(realPagesDir)) bail(`real pages not found at ${realPagesDir} (expected ../shared/real-pages beside the project)`);
mkdirSync(artifactsDir, { recursive: true });

async function loadTests(): Promise<E2eTest[]> {
  const files = readdirSync(here).filter((f) => f.endsWith('.e2e.ts')).sort();
  const all: E2eTest[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { tests?: E2eTest[] };
    if (!Array.isArray(mod.tests)) bail(`${file} does not export \`tests\``);
    all.push(...mod.tests);
  }
  const wanted = filter.split('|');
  return all.filter((t) => wanted.some((w) => t.name.includes(w)));
}

/** Installed in the service worker so its uncaught errors can be read back after each test. */
async function watchWorker(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __recoupeE2eErrors?: string[] };
    if (g.__recoupeE2eErrors) return;
    g.__recoupeE2eErrors = [];
    self.addEventListener('error', (e) => g.__recoupeE2eErrors!.push(String((e as ErrorEvent).error?.stack ?? (e as ErrorEvent).message)));
    self.addEventListener('unhandledrejection', (e) =>
      g.__recoupeE2eErrors!.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason?.stack ?? (e as PromiseRejectionEvent).reason)}`),
    );
  });
}

async function drainWorkerErrors(sw: Worker): Promise<string[]> {
  return sw.evaluate(() => {
    const g = globalThis as unknown as { __recoupeE2eErrors?: string[] };
    return (g.__recoupeE2eErrors ?? []).splice(0);
  });
}

async function main(): Promise<number> {
  const tests = await loadTests();
  const server = await startStaticServer({ '/fixtures/': fixturesDir, '/real/': realPagesDir });
  // A snapshot, so that a rebuild while the suite runs cannot pull files from under the browser.
  const snapshot = mkdtempSync(join(tmpdir(), 'recoupe-ext-'));
  cpSync(extDir, snapshot, { recursive: true });
  temporary.push(snapshot);
  const browser = await launchWithExtension(snapshot, executablePath);
  temporary.push(browser.profileDir);
  const { context, extensionId } = browser;
  console.log(`e2e: Chromium with extension ${extensionId}, pages on ${server.origin}, ${tests.length} tests`);

  // Anything leaving 127.0.0.1 fails fast instead of waiting on DNS.
  await context.route(
    (url) => !['127.0.0.1', ''].includes(url.hostname) && !['chrome-extension:', 'data:', 'blob:', 'about:'].includes(url.protocol),
    (route) => route.abort('blockedbyclient'),
  );
  const extensionRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (request.serviceWorker() && !url.startsWith('chrome-extension://')) extensionRequests.push(url);
  });

  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    const pages: Page[] = [];
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    const extraLines: string[] = [];
    let acceptError: (e: Error) => boolean = () => false;
    let acceptDialog: (pageUrl: string) => boolean = () => false;
    const watch = (p: Page) => {
      pages.push(p);
      p.on('pageerror', (e) => {
        if (!acceptError(e)) pageErrors.push(`${p.url()}: ${e.stack ?? e.message}`);
      });
      p.on('dialog', (d) => {
        if (!acceptDialog(p.url())) dialogs.push(`${d.type()} "${d.message()}" on ${p.url()}`);
        void d.dismiss().catch(() => undefined);
      });
    };
    context.on('page', watch);
    let error: unknown;
    try {
      // The first test meets a worker still seeding its corpus, which a loaded machine makes slow.
      await withTimeout(browser.serviceWorker().then(watchWorker), passed + failed === 0 ? 30_000 : 10_000, 'reaching the service worker');
      const page = await context.newPage();
      const t: TestContext = {
        page,
        context,
        extensionId,
        server,
        serviceWorker: () =>
          withTimeout(
            browser.serviceWorker().then(async (w) => {
              await watchWorker(w);
              return w;
            }),
            10_000,
            'reaching the service worker',
          ),
        newPage: () => context.newPage(),
        log: (line) => extraLines.push(line),
        allowPageErrors: (accept) => {
          acceptError = accept;
        },
        allowDialogs: (accept) => {
          acceptDialog = accept;
        },
        repoRoot,
        realPagesDir,
        artifactsDir,
      };
      await withTimeout(test.run(t), test.timeoutMs ?? 30_000, 'test');
    } catch (e) {
      error = e;
    }
    context.off('page', watch);
    try {
      const workerErrors = await withTimeout(browser.serviceWorker().then(drainWorkerErrors), 10_000, 'reading service worker errors');
      if (!error && workerErrors.length) error = new Error(`service worker uncaught error: ${workerErrors.join(' || ')}`);
    } catch (e) {
      if (!error) error = new Error(`service worker unreachable: ${oneLine(e)}`);
    }
    if (!error && pageErrors.length) error = new Error(`page error: ${pageErrors.join(' || ')}`);
    if (!error && dialogs.length) error = new Error(`unexpected dialog: ${dialogs.join(' || ')}`);
    if (!error && extensionRequests.length) error = new Error(`extension made network requests: ${extensionRequests.splice(0).join(', ')}`);
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
    const ms = Date.now() - started;
    if (error) {
      failed++;
      console.log(`✗ ${test.name} (${ms} ms): ${oneLine(error)}`);
    } else {
      passed++;
      console.log(`✓ ${test.name} (${ms} ms)`);
    }
    for (const line of extraLines) console.log(`    ${line}`);
  }

  await context.close().catch(() => undefined);
  await server.close();
  removeTemporary();
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

const guard = setTimeout(() => {
  console.error(`e2e: suite exceeded ${SUITE_LIMIT_MS / 1000} s`);
  removeTemporary();
  console.log('0 passed, 1 failed');
  process.exit(1);
}, SUITE_LIMIT_MS);
guard.unref();

main().then(
  (code) => process.exit(code),
  (error) => bail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
