import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { assert } from '../e2e/lib/expect';
import { ask, openExtensionPage, poll } from './lib/extension';
import type { FirefoxTest } from './lib/types';

const line = (id: string, title: string, text: string) =>
  JSON.stringify({ id, outlet: 'Fil Test', origin: 'AFP', chain: ['AFP', 'Fil Test'], language: 'fr', date: '2025-02-03', title, text });

const GOOD_FILE = [
  line('ff-import-1', 'Première dépêche importée', 'Un premier paragraphe importé par le lecteur.\n\nUn second paragraphe, tout aussi inventé.'),
  '',
  line('ff-import-2', 'Seconde dépêche importée', 'Une autre dépêche, courte mais valable.'),
].join('\n');

export const tests: FirefoxTest[] = [
  {
    name: 'options: an NDJSON file is imported with a summary and its dispatches are listed',
    timeoutMs: 45_000,
    async run(t) {
      const dir = mkdtempSync(join(tmpdir(), 'recoupe-ff-import-'));
      const options = await openExtensionPage(t, 'options.html');
      try {
        await options.waitForSelector('[data-testid=corpus-row]', { timeout: 15_000 });
        const file = join(dir, 'good.ndjson');
        writeFileSync(file, GOOD_FILE, 'utf8');
        const input = (await options.waitForSelector('[data-testid=import-ndjson]')) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(file);
        await options.click('[data-testid=import-submit]');
        await options.waitForSelector('[data-testid=import-summary], [data-testid=import-rejected], .rc-error', { timeout: 20_000 });
        const added = await options.$eval('[data-testid=import-summary]', (el) => el.getAttribute('data-added')).catch(() => null);
        const shown = await options.evaluate(() => document.querySelector('[data-testid=import-rejected], .rc-error')?.textContent ?? '');
        assert(added === '2', `summary says ${added} added, expected 2 ${shown ? `(shown: ${JSON.stringify(shown.slice(0, 200))})` : ''}`);
        await options.waitForSelector('[data-testid=corpus-row][data-dispatch=ff-import-2]', { timeout: 10_000 });
        const ids = (await ask(options, 'list-dispatches', {})).map((d) => d.id);
        assert(ids.includes('ff-import-1') && ids.includes('ff-import-2'), `corpus after import lacks the new dispatches: ${ids.length} ids`);
      } finally {
        // Back to the bundled corpus: the browser is shared with the other tests.
        await ask(options, 'restore-bundled', {});
        const left = await poll(
          async () => {
            const ids = (await ask(options, 'list-dispatches', {})).map((d) => d.id);
            return ids.some((id) => id.startsWith('ff-import-')) ? undefined : ids;
          },
          10_000,
          () => 'imported dispatches still there after restoring the bundled corpus',
        );
        assert(left.length > 0, 'no dispatch left after restoring the bundled corpus');
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
