import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { sampleSaved } from '../../saved/test-support';
import type { SavedComparison } from '../../saved/types';
import { ask } from './lib/background';
import { cardFocus, cardText, clickInCard, waitForCard, waitForCardElement } from './lib/card';
import { cardGeometry, placementProblems, setLanguage, waitUntil } from './lib/card-geometry';
import { assert, collapse } from './lib/expect';
import { corpus, open } from './lib/fixture-pages';
import { expectDone, passageCount, savedCounts, tabIdOf } from './lib/page';
import { savedTestPage } from './lib/saved-pages';
import type { E2eTest, TestContext } from './lib/types';

/** A paragraph of the saved-test page that is in no corpus dispatch (see lib/saved-pages.ts). */
const OWN = 'Les habitants du quartier, consultés lors de trois réunions publiques';

/** What the card of a saved passage alone says, in each language (the comparison was saved on 1 December 2026). */
const SAYS = {
  en: { title: 'Saved passage', when: 'Comparison with Europe 1, saved on December 1, 2026.', why: 'It no longer matches anything in the corpus', action: 'Open in saved comparisons' },
  fr: {
    title: 'Passage enregistré',
    when: 'Comparaison avec Europe 1, enregistrée le 1er décembre 2026.',
    why: 'Il ne correspond plus à rien dans le corpus\u00a0:',
    action: 'Ouvrir dans les comparaisons enregistrées',
  },
} as const;

let served = 0;

/**
 * Serves a saved-test page at an address of its own and stores, as if saved there earlier, a
 * comparison over the paragraph starting with `own`, a paragraph no dispatch of the corpus matches:
 * what a page shows after the saved comparison's dispatch left the corpus.
 */
async function pageWithLoneSaved(t: TestContext, own: string, withoutCorpus: boolean): Promise<{ url: string; record: SavedComparison }> {
  const url = t.server.put(`/saved-mark-card/${Date.now()}-${++served}.html`, savedTestPage(corpus(t), { withoutCorpus }));
  await open(t.page, url);
  await expectDone(t.page);
  const view = await t.newPage();
  await view.goto(`chrome-extension://${t.extensionId}/options.html`);
  const result = await ask(view, 'get-tab-result', { tabId: await tabIdOf(t, t.page) });
  assert(result, 'no result for the page');
  const start = result.text.indexOf(own);
  assert(start >= 0, `the article text lacks ${JSON.stringify(own)}`);
  const end = result.text.indexOf('.', start) + 1;
  const exact = result.text.slice(start, end);
  const record = sampleSaved({
    id: randomUUID(),
    // One time per record: records saved at the same instant have no one order.
    savedAt: `2026-12-01T09:30:${String(served % 60).padStart(2, '0')}.000Z`,
    updatedAt: `2026-12-01T09:30:${String(served % 60).padStart(2, '0')}.000Z`,
    page: { url, title: result.title },
    passage: { text: exact, quote: { exact, prefix: result.text.slice(Math.max(0, start - 32), start), suffix: result.text.slice(end, end + 32) }, position: { start, end } },
  });
  await ask(view, 'restore-saved', { items: [record] });
  await view.close();
  await t.page.reload();
  await expectDone(t.page);
  const counts = await savedCounts(t.page);
  assert(counts?.saved === 1, `saved marks on the page: ${JSON.stringify(counts)}`);
  return { url, record };
}

/** Moves the real mouse onto the saved mark's first line. */
async function hoverSaved(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('recoupe-saved') ?? [])][0] as Range | undefined;
    (range?.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    const r = range?.getClientRects()[0];
    return r ? { x: r.left + Math.min(30, r.width / 2), y: r.top + r.height / 2 } : null;
  });
  assert(point, 'no saved mark to hover');
  // From the page's left margin along the line: no other highlight (nor its card) on the way.
  await page.mouse.move(1, point.y);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

export const tests: E2eTest[] = [
  {
    name: 'saved mark alone: a saved passage no dispatch matches any more has a card (saved when, with whom, why nothing else, open in saved comparisons), reached by pointer and keyboard, in English and French',
    timeoutMs: 120_000,
    async run(t) {
      try {
        for (const language of ['en', 'fr'] as const) {
          await setLanguage(t, language);
          const says = SAYS[language];
          const { record } = await pageWithLoneSaved(t, OWN, false);
          assert((await passageCount(t.page)) > 0, `${language}: the page shows no reused passage beside the saved one`);

          // The pointer: the card speaks of the saved passage, marks it, and keeps clear of it.
          await hoverSaved(t.page);
          await waitForCardElement(t.page, '[data-testid=saved-mark-card]');
          const text = (await cardText(t.page)) ?? '';
          for (const part of Object.values(says)) assert(text.includes(part), `${language}: the card lacks ${JSON.stringify(part)}: ${JSON.stringify(text)}`);
          const geometry = await cardGeometry(t.page);
          assert(collapse(geometry.text) === collapse(record.passage.text), `${language}: the card marks ${JSON.stringify(geometry.text.slice(0, 80))}, not the saved passage`);
          const problems = placementProblems(geometry);
          assert(problems.length === 0, `${language}: ${problems.join('; ')}`);

          // Its one action opens the Saved view at that comparison, open and focused.
          const [saved] = await Promise.all([t.context.waitForEvent('page', { timeout: 10_000 }), clickInCard(t.page, '[data-testid=open-in-saved]')]);
          await saved.waitForSelector(`[data-testid=saved-item][data-id="${record.id}"][aria-current=true] [data-testid=diff-view]`, { timeout: 10_000 });
          assert(new URL(saved.url()).searchParams.get('comparison') === record.id, `${language}: the Saved view opened at ${saved.url()}`);
          const focused = await saved.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.tagName);
          assert(focused === record.id, `${language}: the focus in the Saved view is on ${focused}`);
          await saved.close();

          // The keyboard: Alt+Shift+↓ goes through the highlights and the saved mark in the order of the text.
          await t.page.bringToFront();
          await t.page.mouse.move(2, 2);
          await waitForCard(t.page, (c) => c === null, `${language}: the card stays open once the pointer left`);
          let focus: string | null = null;
          for (let i = 0; i < 12 && focus !== 'open-in-saved'; i++) {
            await t.page.keyboard.press('Alt+Shift+ArrowDown');
            focus = await waitUntil(t.page, () => cardFocus(t.page), (f) => f === 'open-comparison' || f === 'open-in-saved', `${language}: no focus on the card’s main action`);
          }
          assert(focus === 'open-in-saved', `${language}: Alt+Shift+↓ never reached the saved passage`);
          // Tab from its last control goes back to the page at the saved passage.
          await t.page.keyboard.press('Tab');
          await waitForCard(t.page, (c) => c === null, `${language}: Tab from the card’s last control left it open`);
          const at = await t.page.evaluate(() => getSelection()?.anchorNode?.textContent ?? '');
          assert(at.includes(OWN), `${language}: after Tab the reader is at ${JSON.stringify(at.slice(0, 80))}`);
          t.log(`${language}: ${collapse(text)}`);
        }
      } finally {
        await setLanguage(t, 'auto');
      }
    },
  },
  {
    name: 'saved mark alone: on a page that no longer shares any text with the corpus, the saved passage still opens its card',
    timeoutMs: 60_000,
    async run(t) {
      await setLanguage(t, 'en');
      try {
        await pageWithLoneSaved(t, 'La médiathèque municipale rouvrira ses portes', true);
        assert((await passageCount(t.page)) === 0, 'the page shows reused passages');
        await hoverSaved(t.page);
        const why = await waitForCardElement(t.page, '[data-testid=saved-mark-why]');
        assert(why.text.startsWith(SAYS.en.why), `the card says ${JSON.stringify(why.text)}`);
        await t.page.keyboard.press('Escape');
        await waitForCard(t.page, (c) => c === null, 'Escape left the card open');
        await t.page.keyboard.press('Alt+Shift+ArrowDown');
        await waitUntil(t.page, () => cardFocus(t.page), (f) => f === 'open-in-saved', 'Alt+Shift+↓ does not reach the saved passage');
      } finally {
        await setLanguage(t, 'auto');
      }
    },
  },
];
