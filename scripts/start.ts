/**
 * `npm start`: build the extension, serve the demo article on 127.0.0.1, and open it in a
 * Chromium-family browser with Recoupe loaded. Without a display, take a screenshot of the
 * highlighted demo page instead and say where it is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, launchWithExtension, loadExtensionArgs } from './lib/browser';
import { startStaticServer } from './lib/static-server';
import { passageCount, waitForRecoupe } from '../tests/e2e/lib/page';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extDir = join(root, '.output/chrome-mv3');
const screenshot = join(root, '.output/demo-screenshot.png');

function hasDisplay(): boolean {
  return process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
}

function byHand(): string {
  return [
    'To load the extension by hand:',
    '  Chrome / Chromium: open chrome://extensions, turn on Developer mode, click "Load unpacked"',
    `                     and choose ${extDir}`,
    '  Firefox: run `npm run build:firefox`, open about:debugging → This Firefox → "Load Temporary Add-on…"',
    `           and choose ${join(root, '.output/firefox-mv2/manifest.json')}`,
  ].join('\n');
}

function build(): void {
  console.log('Building the extension (wxt build)…');
  const result = spawnSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0 || !existsSync(join(extDir, 'manifest.json'))) {
    console.error('The build failed; see the messages above.');
    process.exit(1);
  }
}

/** Opens the demo in a real browser window and serves it until Ctrl-C. */
async function openInBrowser(browserPath: string, url: string, stop: () => Promise<void>): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'recoupe-demo-'));
  const args = [`--user-data-dir=${profile}`, ...loadExtensionArgs(extDir)];
  // Chromium refuses to start as root without this.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(browserPath, [...args, url], { stdio: 'ignore' });
  child.on('error', (e) => console.error(`Could not start ${browserPath}: ${e.message}\n${byHand()}`));
  let quitting = false;
  child.on('exit', (code) => {
    if (quitting) return;
    if (code) console.error(`The browser exited with code ${code}. The demo is still served at ${url}.\n${byHand()}`);
    else console.log(`The browser closed. The demo is still served at ${url}; Ctrl-C to stop.`);
  });
  console.log(`Opened ${browserPath} with Recoupe loaded (fresh profile ${profile}).`);
  console.log('The reused passages of the demo article are highlighted; hover one, or press Alt+Shift+↓.');
  console.log('Serving until Ctrl-C.');
  const quit = async () => {
    quitting = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    await stop();
    // The browser may still be flushing its profile for a moment after it exits.
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

/** No display: load the demo headless, wait for the highlights, and save a screenshot. */
async function screenshotHeadless(browserPath: string, url: string): Promise<number> {
  console.log('No display found: loading the demo headless to take a screenshot.');
  const browser = await launchWithExtension(extDir, browserPath);
  try {
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    // The page carries no trace of Recoupe's state: the extension's worker tells how the run ended.
    const state = await waitForRecoupe(page, 20_000).catch(() => 'timeout');
    const passages = state === 'done' ? await passageCount(page) : 0;
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`Screenshot of the highlighted demo page: ${screenshot}`);
    if (state !== 'done') {
      console.error(`Recoupe did not finish on the demo page (state: ${state}).`);
      return 1;
    }
    console.log(`Recoupe highlighted ${passages} reused passage(s) on the demo page.`);
    return 0;
  } finally {
    await browser.context.close().catch(() => undefined);
    rmSync(browser.profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  build();
  const server = await startStaticServer({ '/': join(root, 'tests/fixtures/pages') });
  const url = `${server.origin}/demo-article.html`;
  console.log(`\nDemo article:      ${url}`);
  console.log(`Built extension:   ${extDir} (${relative(root, extDir)})\n`);
  const browserPath = findChromium();
  if (!browserPath) {
    console.error('No Chromium-family browser found (set CHROMIUM_PATH, or install chromium / Google Chrome).');
    console.log(byHand());
    console.log(`\nServing the demo article at ${url} until Ctrl-C.`);
    process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
    return;
  }
  if (hasDisplay()) {
    await openInBrowser(browserPath, url, () => server.close());
    return;
  }
  const code = await screenshotHeadless(browserPath, url);
  await server.close();
  console.log(`\n${byHand()}`);
  process.exit(code);
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
