import { SEED } from '../fixtures/corpus';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import type { E2eTest } from './lib/types';

const PAGE_WORDS = /this page|of the page|on the page|page’s|cette page|de la page|sur la page/i;

export const tests: E2eTest[] = [
  {
    name: 'reading view: speaks of the dispatch, never of a page, with its text open, in English and French',
    timeoutMs: 45_000,
    async run(t) {
      const reader = await t.newPage();
      try {
        for (const language of ['en', 'fr'] as const) {
          await reader.goto(`chrome-extension://${t.extensionId}/reader.html?id=${encodeURIComponent(SEED.europe1)}`);
          await ask(reader, 'set-settings', { language });
          await reader.reload();
          await reader.waitForSelector('[data-testid=passage-item]', { timeout: 20_000 });
          assert(await reader.isVisible('[data-testid=reader-text]'), `${language}: the dispatch's text is folded away`);
          const kinds = await reader.$$eval('[data-testid=passage-item]', (els) => els.map((el) => el.getAttribute('data-kind')));
          // Every passage kind the dispatch has, with the Article tab: no wording may speak of a page.
          const seen: string[] = [];
          for (const kind of [...new Set(kinds)]) {
            await reader.locator(`[data-testid=passage-item][data-kind=${kind}]`).first().click();
            await reader.waitForSelector('[data-testid=passage-detail]', { timeout: 5_000 });
            seen.push((await reader.textContent('main')) ?? '');
          }
          await reader.click('[data-testid=tab-article]');
          seen.push((await reader.textContent('main')) ?? '');
          const labels = await reader.$$eval('[aria-label]', (els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
          for (const text of [...seen, ...labels]) {
            const m = PAGE_WORDS.exec(text);
            assert(!m, `${language}: the reading view speaks of a page: …${text.slice(Math.max(0, (m?.index ?? 0) - 60), (m?.index ?? 0) + 40)}…`);
          }
          t.log(`${language}: passage kinds ${JSON.stringify([...new Set(kinds)])}`);
        }
      } finally {
        await ask(reader, 'set-settings', { language: 'auto' });
      }
    },
  },
];
