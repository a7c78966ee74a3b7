import { assert } from '../e2e/lib/expect';
import { fixture } from '../e2e/lib/fixture-pages';
import { ask, openAnalysed, openExtensionPage, poll } from './lib/extension';
import type { FirefoxTest } from './lib/types';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export const tests: FirefoxTest[] = [
  {
    name: 'sidebar → page: selecting a passage scrolls the page to it and flashes it',
    timeoutMs: 45_000,
    async run(t) {
      const { tabId, state } = await openAnalysed(t, fixture(t, 'republished').url);
      assert(state.status === 'done', `analysis ended "${state.status}"`);
      await poll(() => t.page.evaluate(() => (CSS.highlights.get('recoupe-verbatim')?.size ? true : undefined)), 10_000, () => 'the page drew no highlight');
      const view = await openExtensionPage(t, `sidepanel.html?tab=${tabId}`);
      await view.waitForSelector('[data-testid=passage-item]', { timeout: 10_000 });
      const result = await ask(view, 'get-tab-result', { tabId });
      assert(result, 'no result for the tab');
      const listed = await view.$$eval('[data-testid=passage-item]', (els) => els.map((e) => Number(e.getAttribute('data-index'))));
      const far = listed.reduce((a, b) => (result.passages[b].page.start > result.passages[a].page.start ? b : a));
      await t.page.evaluate(() => window.scrollTo(0, 0));
      await (await view.$(`[data-testid=passage-item][data-index="${far}"]`))!.click();
      const flash = await poll(
        () =>
          t.page.evaluate(() => {
            const ranges = [...(CSS.highlights.get('recoupe-flash') ?? [])] as Range[];
            return ranges.length ? { text: ranges.map((r) => r.toString()).join(''), scrollY } : undefined;
          }),
        8_000,
        () => 'no recoupe-flash highlight on the page after a selection in the sidebar',
      );
      const start = squash(result.passages[far].page.text).slice(0, 30);
      assert(squash(flash.text).includes(start), `the flash covers ${JSON.stringify(flash.text.slice(0, 80))}, not passage ${far}`);
      assert(flash.scrollY > 0, 'the page did not scroll to the passage');
      t.log(`passage ${far} flashed, page scrolled to ${flash.scrollY}px`);
    },
  },
];
