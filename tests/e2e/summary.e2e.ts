import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, openView, waitForRecoupe } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

async function loadPopup(t: TestContext, name: 'republished' | 'reuses'): Promise<Page> {
  await open(t.page, fixture(t, name).url);
  await expectDone(t.page);
  const popup = await openView(t, 'popup', t.page);
  await popup.waitForSelector('[data-testid=summary-headline]', { timeout: 10_000 });
  return popup;
}

async function summaryOf(popup: Page) {
  return popup.evaluate(() => ({
    headline: document.querySelector('[data-testid=summary-headline]')?.textContent ?? '',
    segments: [...document.querySelectorAll('[data-testid=coverage-segment]')].map((el) => ({
      title: el.getAttribute('title') ?? '',
      width: parseFloat((el as HTMLElement).style.width),
    })),
    legend: [...document.querySelectorAll('[data-testid=coverage-legend] li')].map((el) => el.textContent ?? ''),
    barHidden: document.querySelector('[data-testid=coverage-bar]')?.getAttribute('aria-hidden'),
  }));
}

async function setLanguage(t: TestContext, language: 'fr' | 'auto'): Promise<void> {
  const page = await t.newPage();
  await page.goto(`chrome-extension://${t.extensionId}/options.html`);
  await ask(page, 'set-settings', { language });
  await page.close();
}

export const tests: E2eTest[] = [
  {
    name: 'popup summary: a republished page reads as one headline and a labelled coverage bar, in English and French',
    timeoutMs: 45_000,
    async run(t) {
      try {
        const popup = await loadPopup(t, 'republished');
        const en = await summaryOf(popup);
        const m = /^(\d+)% of this page is AFP copy/.exec(en.headline);
        assert(m, `English headline: ${JSON.stringify(en.headline)}`);
        assert(Number(m[1]) >= 50, `a republished page is mostly AFP copy, headline says ${m[1]}%`);
        assert(en.segments.length > 0 && en.segments[0].title === `AFP copy: ${m[1]}%`, `first segment: ${JSON.stringify(en.segments[0])}`);
        assert(Math.abs(en.segments[0].width - Number(m[1])) <= 0.5, `segment width ${en.segments[0].width}% for ${m[1]}%`);
        // The bar is for the eye; every segment is in the legend as text.
        assert(en.barHidden === 'true', 'the bar is not hidden from assistive technology while the legend repeats it');
        for (const s of en.segments) assert(en.legend.includes(s.title), `segment "${s.title}" missing from the legend ${JSON.stringify(en.legend)}`);
        // The summary is read first; the reading-memory question, when asked, comes after it.
        const order = await popup.evaluate(() => {
          const ask = document.querySelector('[data-testid=memory-ask]');
          const summary = document.querySelector('[data-testid=page-summary]');
          return ask && summary ? Boolean(summary.compareDocumentPosition(ask) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
        });
        assert(order !== false, 'the reading-memory question comes before the page summary');

        await setLanguage(t, 'fr');
        await popup.reload();
        await popup.waitForSelector('[data-testid=summary-headline]', { timeout: 10_000 });
        const fr = await summaryOf(popup);
        assert(fr.headline.startsWith(`${m[1]}\u00a0% de cette page est une copie d’AFP`), `French headline: ${JSON.stringify(fr.headline)}`);
        assert(fr.legend[0] === `Copie d’AFP\u202f: ${m[1]}\u00a0%`, `French legend: ${JSON.stringify(fr.legend)}`);
        // As tall as the popup's content, as the browser sizes a popup: no scrollbar eating into its 380 px.
        await popup.setViewportSize({ width: 380, height: 900 });
        await popup.setViewportSize({ width: 380, height: Math.max(900, await popup.evaluate(() => document.documentElement.scrollHeight)) });
        const file = join(t.artifactsDir, 'popup-summary.png');
        await popup.screenshot({ path: file, fullPage: true });
        t.log(`screenshot: ${file}`);
        // RECOUPE_SCREENSHOT=1 also puts it in docs/ for the README.
        if (process.env.RECOUPE_SCREENSHOT === '1') copyFileSync(file, join(t.repoRoot, 'docs/screenshot-popup.png'));
      } finally {
        await setLanguage(t, 'auto');
      }
    },
  },
  {
    name: 'popup summary: a source row opens the comparison at that source’s strongest passage',
    async run(t) {
      const popup = await loadPopup(t, 'reuses');
      const rows = popup.locator('[data-testid=verdict-item]:has([data-testid=verdict-open])');
      assert((await rows.count()) > 0, 'no source row can be opened');
      const dispatch = await rows.first().getAttribute('data-dispatch');
      await rows.first().locator('[data-testid=verdict-open]').click();
      const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
      let focus: { passage: number } | null = null;
      for (let i = 0; i < 40 && !focus; i++) {
        focus = await ask(popup, 'get-focus', { tabId });
        if (!focus) await popup.waitForTimeout(100);
      }
      assert(focus, 'the row named no passage for the comparison');
      const result = await ask(popup, 'get-tab-result', { tabId });
      const picked = result?.passages[focus.passage];
      assert(picked?.dispatch === dispatch, `focused passage belongs to ${picked?.dispatch}, row was ${dispatch}`);
      const ofRow = result!.passages.filter((p) => p.dispatch === dispatch);
      assert(!ofRow.some((p) => p.kind === 'verbatim') || picked.kind === 'verbatim', `picked a ${picked.kind} passage while the source has a verbatim one`);

      const panel = await openView(t, 'sidepanel', t.page);
      await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
      const shown = (await panel.textContent('[data-testid=passage-item][aria-current=true]')) ?? '';
      // The list may set spaces differently (no-break spaces inside guillemets): compare words only.
      const words = (text: string) => text.replace(/\s+/gu, ' ');
      const probe = words(picked.page.text).slice(0, 40);
      assert(words(shown).includes(probe.slice(0, 30)), `side panel shows ${JSON.stringify(shown.slice(0, 80))}, expected the passage ${JSON.stringify(probe)}`);
    },
  },
  {
    name: 'popup summary: no "Open comparison" on a page with nothing to compare, no "Add this page" on a paused site',
    timeoutMs: 45_000,
    async run(t) {
      await open(t.page, `${t.server.origin}/fixtures/nav-only.html`);
      await waitForRecoupe(t.page);
      const empty = await openView(t, 'popup', t.page);
      await empty.waitForSelector('[data-testid=popup-empty]', { timeout: 10_000 });
      assert((await empty.locator('[data-testid=open-sidepanel]').count()) === 0, 'Open comparison offered with nothing to compare');
      assert((await empty.locator('[data-testid=page-summary]').count()) === 0, 'a summary on a page the corpus says nothing about');

      const popup = await loadPopup(t, 'republished');
      assert((await popup.locator('[data-testid=add-page-to-corpus]').count()) === 1, 'no Add this page on a page Recoupe reads');
      const host = new URL(t.page.url()).hostname;
      try {
        await ask(popup, 'set-settings', { site: { host, paused: true } });
        await popup.reload();
        await popup.waitForSelector('[data-testid=popup-paused]', { timeout: 10_000 });
        assert((await popup.locator('[data-testid=add-page-to-corpus]').count()) === 0, 'Add this page offered on a paused site');
        assert((await popup.locator('[data-testid=open-sidepanel]').count()) === 0, 'Open comparison offered on a paused site');
      } finally {
        await ask(popup, 'set-settings', { site: { host, paused: false } });
      }
    },
  },
];
