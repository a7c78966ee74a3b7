import type { Page } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { optionsPage } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

const line = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'hostile-1', outlet: 'Fil Test', origin: 'AFP', chain: ['AFP', 'Fil Test'], language: 'fr', date: '2025-02-03', title: 'Dépêche de test', text: 'Un paragraphe importé.', ...over });

async function importBytes(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('[data-testid=import-ndjson]', { name, mimeType: 'application/x-ndjson', buffer });
  await page.click('[data-testid=import-submit]');
  await page.waitForSelector('[data-testid=import-summary], [data-testid=import-rejected], .rc-error', { timeout: 60_000 });
}

async function corpusIds(page: Page): Promise<string[]> {
  return (await ask(page, 'list-dispatches', {})).map((d) => d.id).sort();
}

/** Back to the bundled corpus and the browser's language: the browser is shared with the other test files. */
async function reset(t: TestContext): Promise<void> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  await ask(page, 'restore-bundled', {});
  await ask(page, 'set-settings', { language: 'auto' });
  await page.close();
}

export const tests: E2eTest[] = [
  {
    name: 'import: a Latin-1 file is refused with a message in the reader’s language, and nothing is imported',
    timeoutMs: 60_000,
    async run(t) {
      try {
        // "Élysée" in Latin-1: É and é are single bytes, not UTF-8.
        const latin1 = Buffer.from(line({ title: 'Élysée', text: 'Réunion à l’Élysée.' }).replace(/’/g, "'"), 'latin1');
        const options = await optionsPage(t);
        const before = await corpusIds(options);
        await importBytes(options, 'latin1.ndjson', latin1);
        const en = (await options.textContent('[data-testid=import-form]')) ?? '';
        assert(en.includes('“latin1.ndjson” is not UTF-8 text'), `English message: ${en}`);
        assert((await options.$$('[data-testid=import-summary]')).length === 0, 'a Latin-1 file was imported');
        assert(JSON.stringify(await corpusIds(options)) === JSON.stringify(before), 'the corpus changed');

        await ask(options, 'set-settings', { language: 'fr' });
        await options.reload();
        await options.waitForSelector('[data-testid=import-form]');
        await importBytes(options, 'latin1.ndjson', latin1);
        const fr = (await options.textContent('[data-testid=import-form]')) ?? '';
        assert(fr.includes('«\u00a0latin1.ndjson\u00a0» n’est pas un texte UTF-8'), `French message: ${fr}`);
        assert(JSON.stringify(await corpusIds(options)) === JSON.stringify(before), 'the corpus changed');
      } finally {
        await reset(t);
      }
    },
  },
  {
    name: 'import: a 1 MB title is refused by line number; a right-to-left override and null bytes never reach the corpus',
    timeoutMs: 60_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        const before = await corpusIds(options);
        const hostile = [line({ outlet: '\u202EPFA', title: 'Titre\u0000 \u202Eenrevni', text: 'Un paragraphe\u0000 importé.' }), line({ id: 'hostile-2', title: 'x'.repeat(1_000_000) })].join('\n');
        await importBytes(options, 'hostile.ndjson', Buffer.from(hostile, 'utf8'));
        const rows = await options.$$eval('[data-testid=rejected-line]', (els) => els.map((el) => ({ line: el.getAttribute('data-line'), text: el.textContent ?? '' })));
        assert(rows.length === 1 && rows[0].line === '2' && /"title" is 1,000,000 characters long; the limit is 1,000/.test(rows[0].text), `rejected rows ${JSON.stringify(rows).slice(0, 300)}`);
        assert(JSON.stringify(await corpusIds(options)) === JSON.stringify(before), 'a file with a bad line changed the corpus');
        const height = await options.evaluate(() => document.documentElement.scrollHeight);
        assert(height < 20_000, `the options page is ${height} px tall`);

        await importBytes(options, 'hostile.ndjson', Buffer.from(hostile.split('\n')[0], 'utf8'));
        await options.waitForSelector('[data-testid=corpus-row][data-dispatch=hostile-1]', { timeout: 10_000 });
        const stored = await ask(options, 'get-dispatch', { id: 'hostile-1' });
        assert(stored?.outlet === 'PFA' && stored.title === 'Titre enrevni', `stored ${JSON.stringify(stored).slice(0, 200)}`);
        assert(!JSON.stringify(stored).includes('\\u0000') && !JSON.stringify(stored).includes('\u202E'), 'a null byte or an override was stored');
        const row = (await options.textContent('[data-testid=corpus-row][data-dispatch=hostile-1]')) ?? '';
        assert(!row.includes('\u202E') && row.includes('PFA'), `row shows ${JSON.stringify(row)}`);
      } finally {
        await reset(t);
      }
    },
  },
  {
    name: 'import: 100,000 bad lines: the page lists at most 50 rows and counts the rest, without a long task',
    timeoutMs: 180_000,
    async run(t) {
      const bad = Array.from({ length: 100_000 }, (_, i) => `{"id": "bad-${i}"`).join('\n');
      // On a machine shared with other jobs a task is sometimes descheduled for longer than it
      // works: the best of three imports is the page's own cost (100,000 rows took 616 ms, every time).
      const longest: number[] = [];
      for (let attempt = 0; attempt < 3 && !(longest.length > 0 && Math.min(...longest) < 200); attempt++) {
        const options = await optionsPage(t);
        // Playwright builds the chosen file inside the page, in one long task of its own: watch only from the click on.
        await options.setInputFiles('[data-testid=import-ndjson]', { name: 'bad.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(bad, 'utf8') });
        await options.waitForTimeout(300);
        await options.evaluate(() => {
          const w = window as unknown as { __longTasks: number[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
        });
        await options.click('[data-testid=import-submit]');
        await options.waitForSelector('[data-testid=import-rejected]', { timeout: 60_000 });
        const rows = await options.$$eval('[data-testid=rejected-line]', (els) => els.length);
        assert(rows <= 50 && rows > 0, `${rows} rows of rejected lines`);
        const more = await options.getAttribute('[data-testid=rejected-more]', 'data-count');
        const moreText = (await options.textContent('[data-testid=rejected-more]')) ?? '';
        assert(more === String(100_000 - rows), `"more" counts ${more}`);
        assert(/and [\d,]+ more lines/.test(moreText), `"more" reads ${moreText}`);
        await options.waitForTimeout(300);
        const tasks = await options.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
        longest.push(Math.max(0, ...tasks));
        t.log(`100,000 bad lines: ${rows} rows shown, longest main-thread task ${Math.round(longest[longest.length - 1])} ms (${tasks.length} over 50 ms)`);
        await options.close();
      }
      assert(Math.min(...longest) < 200, `a main-thread task took over 200 ms in every import: ${longest.map(Math.round).join(', ')} ms`);
    },
  },
];
