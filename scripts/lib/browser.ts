import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The flags that load the unpacked extension (and nothing else) into Chromium or Chrome. */
export function loadExtensionArgs(extDir: string): string[] {
  return [
    `--disable-extensions-except=${extDir}`,
    `--load-extension=${extDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Branded Chrome 137+ ignores --load-extension unless this feature is turned off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
  ];
}

/** Flags for an unattended headless run with the extension: quiet, offline apart from 127.0.0.1. */
export function extensionArgs(extDir: string): string[] {
  return [
    ...loadExtensionArgs(extDir),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
}

function onPath(name: string): string | undefined {
  try {
    const out = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** The first Chromium-family browser found: $CHROMIUM_PATH, Debian chromium, Chrome, or Chrome on macOS/Windows. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    onPath('chromium'),
    onPath('google-chrome'),
    onPath('google-chrome-stable'),
    onPath('chromium-browser'),
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    process.env.PROGRAMFILES && join(process.env.PROGRAMFILES, 'Google/Chrome/Application/chrome.exe'),
    process.env.LOCALAPPDATA && join(process.env.LOCALAPPDATA, 'Google/Chrome/Application/chrome.exe'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** The extension's service worker as it is now (a restarted worker is a new object). */
  serviceWorker(): Promise<Worker>;
}

/**
 * Headless Chromium with the unpacked extension loaded, in a fresh profile. Requests to any host
 * other than 127.0.0.1 fail at name resolution, so saved real pages cannot reach the network.
 */
export async function launchWithExtension(extDir: string, executablePath: string, profile?: string): Promise<ExtensionBrowser> {
  // A given profile is reused as it is (a corpus imported once serves several builds).
  const profileDir = profile ?? mkdtempSync(join(tmpdir(), 'recoupe-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      ...extensionArgs(extDir),
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://');
  const first = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  // A stopped worker can linger in the list for a while before its 'close' event: ask it to answer (slowly on a loaded machine).
  const answers = (w: Worker) =>
    Promise.race([w.evaluate(() => true).catch(() => false), new Promise<boolean>((r) => setTimeout(() => r(false), 3_000))]);
  const serviceWorker = async (): Promise<Worker> => {
    const ours = context.serviceWorkers().filter((w) => new URL(w.url()).host === extensionId);
    for (const w of ours.reverse()) if (await answers(w)) return w;
    // A stopped worker starts again when one of the extension's pages loads.
    const waiting = context.waitForEvent('serviceworker', {
      predicate: (w) => new URL(w.url()).host === extensionId,
      timeout: 30_000,
    });
    // A worker still busy starting (seeding its corpus on a loaded machine) answers late: whichever comes first.
    const late = ours.map((w) => w.evaluate(() => true).then(() => w));
    const wake = await context.newPage();
    try {
      await wake.goto(`chrome-extension://${extensionId}/popup.html`).catch(() => undefined);
      return await Promise.any([waiting, ...late]);
    } finally {
      await wake.close().catch(() => undefined);
    }
  };
  return { context, extensionId, profileDir, serviceWorker };
}
