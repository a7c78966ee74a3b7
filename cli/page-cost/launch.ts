import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { extensionArgs } from '../../scripts/lib/browser';

/** One browser of the run: a label, its context, and the extension it loaded (none for the bare browser). */
export interface BenchBrowser {
  label: string;
  extDir?: string;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Flags shared by every browser of the run, so that the extension is the only difference:
 * no images (their decoding is noise the extension does not cause), and no host but 127.0.0.1
 * (the saved pages' trackers and fonts fail at name resolution, as in the browser tests).
 */
const COMMON_ARGS = [
  '--headless=new',
  '--blink-settings=imagesEnabled=false',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--no-first-run',
  '--no-default-browser-check',
];

/** The bare browser gets the extension flags' quiet settings without loading anything. */
const BARE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-extensions'];

/** Headless Chromium in a fresh profile, with the unpacked extension at `extDir` or with none. */
export async function launchBench(label: string, executablePath: string, extDir?: string): Promise<BenchBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'recoupe-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [...COMMON_ARGS, ...(extDir ? extensionArgs(extDir) : BARE_ARGS)],
  });
  if (extDir) {
    // The extension is ready once its service worker runs (it seeds the bundled corpus on install).
    const ours = context.serviceWorkers().some((w) => w.url().startsWith('chrome-extension://'));
    if (!ours) await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 });
  }
  return {
    label,
    extDir,
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
