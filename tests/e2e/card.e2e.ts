import { assert } from './lib/expect';
import { cardFocus, cardQuery, hoverHighlight, waitForCard, waitForCardElement } from './lib/card';
import { corpus, fixture, open } from './lib/fixture-pages';
import { expectDone } from './lib/page';
import { SEED, dispatch } from '../fixtures/corpus';
import type { E2eTest } from './lib/types';

export const tests: E2eTest[] = [
  {
    name: 'hover card: hovering a highlighted word names the outlet and offers the comparison',
    async run(t) {
      const outlet = dispatch(corpus(t), SEED.europe1).outlet;
      await open(t.page, fixture(t, 'republished').url);
      await expectDone(t.page);
      await hoverHighlight(t.page, 'recoupe-verbatim');
      await waitForCard(t.page, (text) => !!text?.includes(outlet), `no card naming "${outlet}" after hover`);
      await waitForCardElement(t.page, '[data-testid=open-comparison]', 3_000);
      const buttons = await cardQuery(t.page, '[data-testid=open-comparison]');
      assert(buttons.length === 1, `card has ${buttons.length} open-comparison buttons`);
      const dialog = await cardQuery(t.page, '[role=dialog]');
      assert(dialog.length === 1 && !!dialog[0].attrs['aria-label'], `card dialog: ${JSON.stringify(dialog.map((d) => d.attrs))}`);
    },
  },
  {
    name: 'keyboard: Alt+Shift+ArrowDown shows the card with focus inside, Escape closes it and gives focus back',
    async run(t) {
      await open(t.page, fixture(t, 'reuses').url);
      await expectDone(t.page);
      await t.page.bringToFront();
      const before = await t.page.evaluate(() => document.activeElement?.tagName ?? null);
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      const until = Date.now() + 5_000;
      let focus = await cardFocus(t.page);
      while (focus !== 'open-comparison' && Date.now() < until) {
        await t.page.waitForTimeout(50);
        focus = await cardFocus(t.page);
      }
      const host = await t.page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);
      assert(focus === 'open-comparison' && host === 'recoupe-card', `after Alt+Shift+ArrowDown: focus ${focus} in the card, ${host} in the page`);
      await waitForCardElement(t.page, '[data-testid=open-comparison]');
      await t.page.keyboard.press('Escape');
      await waitForCard(t.page, (text) => text === null, 'Escape did not close the card', 3_000);
      const after = await t.page.evaluate(() => document.activeElement?.tagName ?? null);
      assert(after === before, `focus went to ${after}, not back to ${before}`);
    },
  },
];
