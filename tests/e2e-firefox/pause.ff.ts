import type { Page } from 'puppeteer-core';
import { assert } from '../e2e/lib/expect';
import { recoupeHighlightSizes } from '../e2e/lib/coverage';
import { fixture } from '../e2e/lib/fixture-pages';
import { ask, openAnalysed, poll, sleep } from './lib/extension';
import type { FirefoxTest } from './lib/types';

/** Runs of the content script the background heard from a tab, read from the background page's debug handle. */
function runsFor(probe: Page, tabId: number): Promise<number> {
  return probe.evaluate(async (id) => {
    const runtime = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser.runtime;
    const background = (await runtime.getBackgroundPage()) as unknown as { recoupeDebug: { runsFor(id: number): number } };
    return background.recoupeDebug.runsFor(id);
  }, tabId);
}

const highlighted = async (page: Page) => Object.values(await page.evaluate(recoupeHighlightSizes)).some((n) => n > 0);

export const tests: FirefoxTest[] = [
  {
    name: 'pause: a paused site loads no content script (no run, no text read); resuming reads the open page again',
    timeoutMs: 60_000,
    async run(t) {
      const { url } = fixture(t, 'demo');
      const { tabId, probe } = await openAnalysed(t, url);
      const host = new URL(url).hostname;
      try {
        await ask(probe, 'set-settings', { site: { host, paused: true } });
        await poll(async () => ((await highlighted(t.page)) ? undefined : true), 10_000, () => 'highlights left after pausing');
        const before = await runsFor(probe, tabId);
        assert(before > 0, 'the background heard no run of the page before pausing');
        await t.page.reload({ waitUntil: 'domcontentloaded' });
        // Give a wrongly injected bootstrap the time to read the page and report.
        await sleep(1_500);
        assert((await runsFor(probe, tabId)) === before, `the paused page ran the content script (runs ${before} → ${await runsFor(probe, tabId)})`);
        assert(!(await highlighted(t.page)), 'highlights on a paused site after reload');
        await ask(probe, 'set-settings', { site: { host, paused: false } });
        await poll(async () => ((await highlighted(t.page)) ? true : undefined), 15_000, () => 'no highlight after resuming');
      } finally {
        await ask(probe, 'set-settings', { site: { host, paused: false } }).catch(() => undefined);
      }
    },
  },
];
