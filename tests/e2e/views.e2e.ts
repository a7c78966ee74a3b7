import type { Page } from 'playwright-core';
import { SEED, dispatch as corpusDispatch } from '../fixtures/corpus';
import { XSS_TEXT } from '../fixtures/expected';
import type { Unit } from '../fixtures/spliced';
import { assert } from './lib/expect';
import { corpus, fixture, open, type FixtureName } from './lib/fixture-pages';
import { badgeOf, expectDone, openView, passageCount, waitForRecoupe } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

async function loadDone(t: TestContext, name: FixtureName) {
  const f = fixture(t, name);
  await open(t.page, f.url);
  await expectDone(t.page);
  return f;
}

async function verdicts(view: Page): Promise<{ dispatch: string | null; relation: string | null; text: string }[]> {
  await view.waitForSelector('[data-testid=verdict-item], [data-testid=popup-empty]', { timeout: 10_000 });
  return view.$$eval('[data-testid=verdict-item]', (items) =>
    items.map((el) => ({ dispatch: el.getAttribute('data-dispatch'), relation: el.getAttribute('data-relation'), text: el.textContent ?? '' })),
  );
}

async function expectRelation(t: TestContext, name: FixtureName, dispatch: string, relation: string): Promise<void> {
  await loadDone(t, name);
  const popup = await openView(t, 'popup', t.page);
  const items = await verdicts(popup);
  const item = items.find((i) => i.dispatch === dispatch);
  assert(item, `no verdict-item for ${dispatch}; items: ${JSON.stringify(items.map((i) => [i.dispatch, i.relation]))}`);
  assert(item.relation === relation, `verdict for ${dispatch} is "${item.relation}", expected "${relation}"`);
  const outlet = corpusDispatch(corpus(t), dispatch).outlet;
  assert(item.text.includes(outlet), `verdict for ${dispatch} does not name its outlet "${outlet}": ${JSON.stringify(item.text.slice(0, 200))}`);
  assert(/\d\s?%/.test(item.text), `verdict for ${dispatch} gives no coverage percentage: ${JSON.stringify(item.text.slice(0, 200))}`);
  assert((await popup.locator('[data-testid=open-sidepanel]').count()) > 0, 'popup has no open-sidepanel control');
}

/** Opens the side panel for the page, selects the passage showing `unit`, and returns the diff view's <ins>/<del> words. */
async function diffFor(t: TestContext, unit: Unit): Promise<{ ins: string[]; del: string[]; view: Page }> {
  const view = await openView(t, 'sidepanel', t.page);
  await view.waitForSelector('[data-testid=passage-item]', { timeout: 10_000 });
  const items = view.locator('[data-testid=passage-item]');
  const n = await items.count();
  const probe = unit.ins ?? unit.text.split(' ').slice(0, 6).join(' ');
  // The list item names the passage by its page text; when it does not show the word, try each in turn.
  let chosen = -1;
  for (let i = 0; i < n; i++) {
    if (((await items.nth(i).textContent()) ?? '').includes(probe)) {
      chosen = i;
      break;
    }
  }
  const order = chosen >= 0 ? [chosen] : [...Array(n).keys()];
  for (const i of order) {
    await items.nth(i).click();
    await view.waitForSelector('[data-testid=diff-view]', { timeout: 5_000 });
    const read = await view.$eval('[data-testid=diff-view]', (el) => ({
      ins: [...el.querySelectorAll('ins')].map((x) => x.textContent ?? ''),
      del: [...el.querySelectorAll('del')].map((x) => x.textContent ?? ''),
    }));
    if (!unit.ins || read.ins.some((s) => s.includes(unit.ins!))) return { ...read, view };
  }
  throw new Error(`no passage of the side panel shows <ins> "${unit.ins}" (${n} passages)`);
}

async function expectChangedWord(t: TestContext, name: FixtureName): Promise<void> {
  const { units } = await loadDone(t, name);
  const unit = units.find((u) => u.ins && u.del);
  assert(unit, 'fixture has no changed word');
  const { ins, del } = await diffFor(t, unit);
  assert(ins.some((s) => s.includes(unit.ins!)), `diff <ins> ${JSON.stringify(ins)} lacks "${unit.ins}"`);
  assert(del.some((s) => s.includes(unit.del!)), `diff <del> ${JSON.stringify(del)} lacks "${unit.del}"`);
}

export const tests: E2eTest[] = [
  {
    name: 'badge shows the number of passages on a republished page',
    async run(t) {
      await loadDone(t, 'reuses');
      const count = await passageCount(t.page);
      let badge = '';
      for (let i = 0; i < 20 && badge !== String(count); i++) {
        badge = await badgeOf(t, t.page);
        if (badge !== String(count)) await t.page.waitForTimeout(100);
      }
      assert(count > 0, 'no passages');
      assert(badge === String(count), `badge "${badge}", expected "${count}"`);
    },
  },
  {
    name: 'badge is empty on a page sharing no text',
    async run(t) {
      await open(t.page, `${t.server.origin}/fixtures/nav-only.html`);
      await waitForRecoupe(t.page);
      const badge = await badgeOf(t, t.page);
      assert(badge === '' || badge === '0', `badge "${badge}"`);
    },
  },
  {
    name: 'popup: near-full copy is "republished" from the AFP/Europe 1 dispatch',
    run: (t) => expectRelation(t, 'republished', SEED.europe1, 'republished'),
  },
  {
    name: 'popup: page with a few reused sentences "reuses-passages" of the AFP/franceinfo dispatch',
    run: (t) => expectRelation(t, 'reuses', SEED.franceinfo, 'reuses-passages'),
  },
  {
    name: 'popup: empty state on a page sharing no text',
    async run(t) {
      await open(t.page, `${t.server.origin}/fixtures/nav-only.html`);
      await waitForRecoupe(t.page);
      const popup = await openView(t, 'popup', t.page);
      await popup.waitForSelector('[data-testid=popup-empty]', { timeout: 10_000 });
      assert((await popup.locator('[data-testid=verdict-item]').count()) === 0, 'verdict items on an empty page');
    },
  },
  {
    name: 'side panel: word diff of the changed word in New York Times markup (<ins> concentration / <del> accumulation)',
    run: (t) => expectChangedWord(t, 'reuses'),
  },
  {
    name: 'side panel: word diff of the changed word in BBC markup (<ins> supposé / <del> censé)',
    run: (t) => expectChangedWord(t, 'republished'),
  },
  {
    name: 'side panel: page text that looks like markup is shown as text',
    async run(t) {
      const { units } = await loadDone(t, 'xss');
      const { view } = await diffFor(t, { ...units[0], ins: undefined });
      const shown = await view.evaluate(() => document.body.textContent ?? '');
      assert(shown.includes(XSS_TEXT), `side panel does not show the text ${XSS_TEXT}`);
      const injected = await view.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length);
      assert(injected === 0, `${injected} element(s) created from page text`);
    },
  },
];
