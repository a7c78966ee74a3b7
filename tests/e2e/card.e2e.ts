import { assert } from './lib/expect';
import { corpus, fixture, open } from './lib/fixture-pages';
import { expectDone } from './lib/page';
import { SEED, dispatch } from '../fixtures/corpus';
import type { E2eTest } from './lib/types';

const cardText = () => document.querySelector('recoupe-card')?.shadowRoot?.textContent ?? '';

export const tests: E2eTest[] = [
  {
    name: 'hover card: hovering a highlighted word names the outlet and offers the comparison',
    async run(t) {
      const outlet = dispatch(corpus(t), SEED.europe1).outlet;
      await open(t.page, fixture(t, 'republished').url);
      await expectDone(t.page);
      const point = await t.page.evaluate(() => {
        const range = [...(CSS.highlights.get('recoupe-verbatim') ?? [])][0] as Range | undefined;
        if (!range) return null;
        (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0];
        return rect ? { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 } : null;
      });
      assert(point, 'no verbatim highlight to hover');
      await t.page.mouse.move(point.x - 30, point.y - 30);
      await t.page.mouse.move(point.x, point.y, { steps: 4 });
      await t.page.waitForFunction((o) => (document.querySelector('recoupe-card')?.shadowRoot?.textContent ?? '').includes(o), outlet, { timeout: 5_000 }).catch(async () => {
        throw new Error(`no <recoupe-card> naming "${outlet}" after hover; card text: ${JSON.stringify(await t.page.evaluate(cardText))}`);
      });
      const button = t.page.locator('recoupe-card [data-testid=open-comparison]');
      await button.first().waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
      const buttons = await button.count();
      assert(buttons === 1, `card has ${buttons} open-comparison buttons; card: ${(await t.page.evaluate(() => document.querySelector('recoupe-card')?.shadowRoot?.innerHTML ?? '')).slice(0, 600)}`);
    },
  },
  {
    name: 'keyboard: Alt+Shift+ArrowDown shows the card with focus inside, Escape closes it',
    async run(t) {
      await open(t.page, fixture(t, 'reuses').url);
      await expectDone(t.page);
      await t.page.bringToFront();
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      await t.page
        .waitForFunction(
          () => {
            const host = document.querySelector('recoupe-card');
            return !!host && document.activeElement === host && !!host.shadowRoot?.activeElement;
          },
          undefined,
          { timeout: 5_000 },
        )
        .catch(async () => {
          const seen = await t.page.evaluate(() => ({
            card: !!document.querySelector('recoupe-card'),
            active: document.activeElement?.tagName,
            inner: document.querySelector('recoupe-card')?.shadowRoot?.activeElement?.tagName ?? null,
          }));
          throw new Error(`after Alt+Shift+ArrowDown: ${JSON.stringify(seen)}`);
        });
      const button = t.page.locator('recoupe-card [data-testid=open-comparison]');
      assert(await button.isVisible(), 'card shown by keyboard has no visible open-comparison button');
      await t.page.keyboard.press('Escape');
      await t.page.waitForFunction(
        () => {
          const b = document.querySelector('recoupe-card')?.shadowRoot?.querySelector('[data-testid=open-comparison]') as HTMLElement | null;
          return !b || b.getClientRects().length === 0 || getComputedStyle(b).visibility === 'hidden';
        },
        undefined,
        { timeout: 3_000 },
      ).catch(() => {
        throw new Error('Escape did not close the card');
      });
    },
  },
];
