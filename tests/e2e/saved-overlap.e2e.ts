import type { Page } from 'playwright-core';
import { clickInCard, waitForCardElement } from './lib/card';
import { setLanguage, stepToCard } from './lib/card-geometry';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone } from './lib/page';
import type { E2eTest } from './lib/types';

/**
 * Characters drawn with a line above the text, read as a page script could: how many carry two
 * (the saved mark and a weaker kind's overline, stacked), how many the saved mark covers, and how
 * many of the open card's passage carry a weaker kind's overline.
 */
function overlines(page: Page) {
  return page.evaluate(() => {
    const names = ['recoupe-saved', 'recoupe-edited-under', 'recoupe-translated-under', 'recoupe-same-fact-under'];
    const cells = new Map<Node, Uint8Array>();
    let saved = 0;
    for (const name of names) {
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        const node = r.startContainer;
        const length = (node.textContent ?? '').length;
        let row = cells.get(node);
        if (!row) cells.set(node, (row = new Uint8Array(length)));
        for (let i = r.startOffset; i < (r.endContainer === node ? r.endOffset : length); i++) {
          row[i]++;
          if (name === 'recoupe-saved') saved++;
        }
      }
    }
    let stacked = 0;
    for (const row of cells.values()) for (const n of row) if (n > 1) stacked++;
    // The open card's passage: how many of its characters lie under a weaker kind's overline.
    const active = [...(CSS.highlights.get('recoupe-active') ?? [])] as Range[];
    let underInActive = 0;
    for (const name of names.slice(1)) {
      for (const r of (CSS.highlights.get(name) ?? []) as Iterable<Range>) {
        if (active.some((a) => a.compareBoundaryPoints(Range.END_TO_START, r) < 0 && a.compareBoundaryPoints(Range.START_TO_END, r) > 0)) underInActive += r.toString().length;
      }
    }
    return { stacked, saved, underInActive };
  });
}

const EXPLAINED = { en: 'The magenta line above its text marks it on the page.', fr: 'Le trait magenta au-dessus de son texte le signale sur la page.' };

export const tests: E2eTest[] = [
  {
    name: 'saved overlap: a saved passage over a match shows one line above the text (no weaker kind’s overline stacked under the saved mark), and its card explains the mark, in English and French',
    timeoutMs: 90_000,
    async run(t) {
      // The republished page at an address of its own, so the comparison saved here marks no other test's page.
      const html = await (await fetch(fixture(t, 'republished').url)).text();
      const url = t.server.put(`/saved-overlap/${Date.now()}.html`, html);
      try {
        await setLanguage(t, 'en');
        await open(t.page, url);
        await expectDone(t.page);
        // A passage with a weaker kind lying under it.
        let under = 0;
        for (let i = 0; i < 25 && under === 0; i++) {
          await stepToCard(t.page);
          under = (await overlines(t.page)).underInActive;
        }
        assert(under > 0, 'no passage of the page has a weaker kind lying under it');
        await clickInCard(t.page, '[data-testid=save-comparison]');
        const note = await waitForCardElement(t.page, '[data-testid=card-saved]', 10_000);
        assert(note.text.includes(EXPLAINED.en), `en: the card's saved note ${JSON.stringify(note.text)}`);
        const now = await overlines(t.page);
        assert(now.saved > 0, 'no saved mark after saving from the card');
        assert(now.stacked === 0, `${now.stacked} characters carry two lines above the text right after saving`);
        t.log(`saved a passage with ${under} characters of weaker kinds under it; ${now.saved} characters marked saved, none with two overlines`);

        // Drawn again on the next visit, in French: the same single line, and the card says what it is.
        await setLanguage(t, 'fr');
        await t.page.reload();
        await expectDone(t.page);
        const again = await overlines(t.page);
        assert(again.saved > 0 && again.stacked === 0, `after a reload: ${JSON.stringify(again)}`);
        const point = await t.page.evaluate(() => {
          const r = ([...(CSS.highlights.get('recoupe-saved') ?? [])][0] as Range | undefined)?.getClientRects()[0];
          if (!r) return null;
          return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
        });
        assert(point, 'no saved range to hover');
        await t.page.mouse.move(point.x - 20, point.y - 20);
        await t.page.mouse.move(point.x, point.y, { steps: 3 });
        const fr = await waitForCardElement(t.page, '[data-testid=card-saved]', 10_000);
        assert(fr.text.includes(EXPLAINED.fr), `fr: the card's saved note ${JSON.stringify(fr.text)}`);
      } finally {
        await setLanguage(t, 'auto');
      }
    },
  },
];
