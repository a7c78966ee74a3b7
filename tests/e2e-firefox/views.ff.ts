import type { Page } from 'puppeteer-core';
import { SEED, dispatch as corpusDispatch } from '../fixtures/corpus';
import { assert } from '../e2e/lib/expect';
import { corpus, fixture } from '../e2e/lib/fixture-pages';
import { openAnalysed, openExtensionPage, poll } from './lib/extension';
import type { FirefoxTest } from './lib/types';

type Verdict = { dispatch: string | null; relation: string | null; text: string };

async function verdicts(popup: Page): Promise<Verdict[]> {
  await popup.waitForSelector('[data-testid=verdict-item], [data-testid=popup-empty]', { timeout: 10_000 });
  return popup.$$eval('[data-testid=verdict-item]', (items) =>
    items.map((el) => ({ dispatch: el.getAttribute('data-dispatch'), relation: el.getAttribute('data-relation'), text: el.textContent ?? '' })),
  );
}

/** The side panel's diff words for the passage whose diff inserts `ins` (each passage is tried in turn, the likeliest first). */
async function diffWith(view: Page, ins: string): Promise<{ ins: string[]; del: string[] }> {
  await view.waitForSelector('[data-testid=passage-item]', { timeout: 10_000 });
  const texts = await view.$$eval('[data-testid=passage-item]', (items) => items.map((el) => el.textContent ?? ''));
  const likely = texts.findIndex((text) => text.includes(ins));
  const order = likely >= 0 ? [likely, ...texts.keys()].filter((i, k) => k === 0 || i !== likely) : [...texts.keys()];
  const seen: string[][] = [];
  for (const i of order) {
    await (await view.$$('[data-testid=passage-item]'))[i].click();
    const read = await poll(
      () =>
        view.$eval('[data-testid=diff-view]', (el) => ({
          ins: [...el.querySelectorAll('ins')].map((x) => x.textContent ?? ''),
          del: [...el.querySelectorAll('del')].map((x) => x.textContent ?? ''),
        })),
      5_000,
      () => `the side panel shows no diff view for passage ${i}`,
    );
    if (read.ins.some((s) => s.includes(ins))) return read;
    seen.push(read.ins);
  }
  throw new Error(`no passage of the side panel shows <ins> "${ins}" (${texts.length} passages, <ins> seen: ${JSON.stringify(seen)})`);
}

export const tests: FirefoxTest[] = [
  {
    name: 'popup: near-full copy is "republished" from the AFP/Europe 1 dispatch',
    async run(t) {
      const { tabId, state } = await openAnalysed(t, fixture(t, 'republished').url);
      assert(state.status === 'done', `analysis ended "${state.status}"`);
      const popup = await openExtensionPage(t, `popup.html?tab=${tabId}`);
      const items = await verdicts(popup);
      const item = items.find((i) => i.dispatch === SEED.europe1);
      assert(item, `no verdict-item for ${SEED.europe1}; items: ${JSON.stringify(items.map((i) => [i.dispatch, i.relation]))}`);
      assert(item.relation === 'republished', `verdict is "${item.relation}", expected "republished"`);
      const outlet = corpusDispatch(corpus(t), SEED.europe1).outlet;
      assert(item.text.includes(outlet), `verdict does not name the outlet "${outlet}": ${JSON.stringify(item.text.slice(0, 200))}`);
      assert(/\d\s?%/.test(item.text), `verdict gives no coverage percentage: ${JSON.stringify(item.text.slice(0, 200))}`);
    },
  },
  {
    name: 'sidebar: word diff of the changed word in New York Times markup (<ins> concentration / <del> accumulation)',
    async run(t) {
      const { url, units } = fixture(t, 'reuses');
      const unit = units.find((u) => u.ins && u.del);
      assert(unit, 'fixture has no changed word');
      const { tabId, state } = await openAnalysed(t, url);
      assert(state.status === 'done', `analysis ended "${state.status}"`);
      const view = await openExtensionPage(t, `sidepanel.html?tab=${tabId}`);
      const { ins, del } = await diffWith(view, unit.ins!);
      assert(ins.some((s) => s.includes(unit.ins!)), `diff <ins> ${JSON.stringify(ins)} lacks "${unit.ins}"`);
      assert(del.some((s) => s.includes(unit.del!)), `diff <del> ${JSON.stringify(del)} lacks "${unit.del}"`);
    },
  },
];
