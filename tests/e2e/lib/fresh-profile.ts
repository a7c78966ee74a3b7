import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from '../../../scripts/lib/browser';
import type { TestContext } from './types';

/**
 * A second Chromium with the built extension in a new, empty profile (its own user data dir and
 * IndexedDB), as on another reader's computer. Call `close` when done.
 */
export async function freshProfile(t: TestContext): Promise<ExtensionBrowser & { close(): Promise<void> }> {
  const ext = mkdtempSync(join(tmpdir(), 'recoupe-ext-fresh-'));
  cpSync(join(t.repoRoot, '.output/chrome-mv3'), ext, { recursive: true });
  const browser = await launchWithExtension(ext, process.env.CHROMIUM_PATH || '/usr/bin/chromium');
  return {
    ...browser,
    async close() {
      await browser.context.close().catch(() => undefined);
      rmSync(browser.profileDir, { recursive: true, force: true });
      rmSync(ext, { recursive: true, force: true });
    },
  };
}
