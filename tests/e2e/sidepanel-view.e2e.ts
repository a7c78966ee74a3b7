import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Passage } from '../../engine/types';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, openView } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

const RANK: Record<Passage['kind'], number> = { verbatim: 0, edited: 1, translated: 2, 'same-fact': 3 };

async function panelFor(t: TestContext, name: 'republished' | 'reuses'): Promise<{ panel: Page; passages: Passage[] }> {
  await open(t.page, fixture(t, name).url);
  await expectDone(t.page);
  const panel = await openView(t, 'sidepanel', t.page);
  await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
  const tabId = Number(new URL(panel.url()).searchParams.get('tab'));
  const result = await ask(panel, 'get-tab-result', { tabId });
  assert(result, 'no result for the tab');
  return { panel, passages: result.passages };
}

export const tests: E2eTest[] = [
  {
    name: 'side panel: opens on the strongest passage, counts as the popup does, a skip link reaches the list',
    async run(t) {
      const { panel, passages } = await panelFor(t, 'reuses');
      const best = Math.min(...passages.map((p) => RANK[p.kind]));
      const top = Math.max(...passages.filter((p) => RANK[p.kind] === best).map((p) => p.score));
      const index = Number(await panel.getAttribute('[data-testid=passage-item][aria-current=true]', 'data-index'));
      const chosen = passages[index];
      assert(RANK[chosen.kind] === best && chosen.score === top, `opened on a ${chosen.kind} passage at ${chosen.score}, strongest is rank ${best} at ${top}`);
      const first = Number(await panel.getAttribute('[data-testid=passage-item]', 'data-index'));
      t.log(`first listed passage ${first} (${passages[first].kind}), opened on ${index} (${chosen.kind})`);

      const popup = await openView(t, 'popup', t.page);
      await popup.waitForSelector('[data-testid=passage-counts]', { timeout: 10_000 });
      const counts = [await popup.textContent('[data-testid=passage-counts]'), await panel.textContent('[data-testid=passage-counts]')];
      assert(counts[0] && counts[0] === counts[1], `popup counts ${JSON.stringify(counts[0])}, side panel ${JSON.stringify(counts[1])}`);

      await panel.focus('[data-testid=skip-to-list]');
      assert(await panel.isVisible('[data-testid=skip-to-list]'), 'the skip link does not show when focused');
      await panel.keyboard.press('Enter');
      const inList = await panel.evaluate(() => document.activeElement?.closest('#rc-passage-list') !== null);
      assert(inList, 'the skip link does not move the focus into the passage list');
    },
  },
  {
    name: 'side panel: a copied passage shows its word diff once, and its versions repeat neither the page’s text nor the compared outlet’s, in English and French',
    timeoutMs: 45_000,
    async run(t) {
      const { panel, passages } = await panelFor(t, 'republished');
      const above = { en: 'Its text is in the comparison above.', fr: 'Son texte est dans la comparaison ci-dessus.' };
      const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
      try {
        for (const language of ['en', 'fr'] as const) {
          await ask(panel, 'set-settings', { language });
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
          const items = panel.locator('[data-testid=passage-item][data-kind=verbatim], [data-testid=passage-item][data-kind=edited]');
          const n = await items.count();
          let checked = 0;
          for (let i = 0; i < n && checked < 3; i++) {
            await items.nth(i).click();
            const index = Number(await items.nth(i).getAttribute('data-index'));
            await panel.waitForSelector(`[data-testid=diff-view]`, { timeout: 5_000 });
            if ((await panel.locator('[data-testid=fact-versions]').count()) === 0) continue;
            checked++;
            const twice = await panel.locator('[data-testid=fact-versions] [data-side=page] :is(ins, del), [data-testid=fact-versions] [aria-current=true] :is(ins, del)').count();
            assert(twice === 0, `passage ${index}: the diff is drawn again in the versions (${twice} marks)`);
            const open = await panel.getAttribute('[data-testid=fact-versions]', 'open');
            assert(open !== null, 'versions are collapsed by default');
            // Each text once: the page's and the compared outlet's are in the diff, not again in the versions.
            const { page, source } = passages[index];
            const versions = squash(await panel.locator('[data-testid=fact-versions] .rc-versions').textContent());
            const current = squash(await panel.locator('[data-testid=fact-versions] [data-testid=version-column][aria-current=true]').textContent());
            const pageColumns = await panel.locator('[data-testid=fact-versions] [data-side=page]').count();
            assert(pageColumns === 0, `passage ${index}: the versions show the page's text again`);
            assert(!current.includes(squash(source.text).slice(0, 60)), `passage ${index}: the compared version's text is shown again: ${JSON.stringify(current.slice(0, 120))}`);
            assert(current.includes(above[language]), `${language}, passage ${index}: the compared version does not say where its text is: ${JSON.stringify(current.slice(0, 160))}`);
            const diff = squash(await panel.locator('[data-testid=diff-view]').textContent());
            assert(diff.includes(squash(page.text).slice(0, 40)), `passage ${index}: the diff does not show the page's text`);
            t.log(`${language}: passage ${index}: ${versions.length} characters of versions, none of them its own two texts`);
          }
          assert(checked > 0, `no copied passage with versions among ${n}`);
        }
      } finally {
        await ask(panel, 'set-settings', { language: 'auto' });
      }
      await panel.setViewportSize({ width: 420, height: 1400 });
      const file = join(t.artifactsDir, 'sidepanel-copied.png');
      await panel.screenshot({ path: file });
      t.log(`screenshot: ${file}`);
    },
  },
  {
    name: 'side panel: each passage kind has the name the card, settings and saved view give it, in English and French',
    timeoutMs: 45_000,
    async run(t) {
      const { panel } = await panelFor(t, 'republished');
      const names = { en: { verbatim: 'Verbatim copy', edited: 'Edited copy' }, fr: { verbatim: 'Copie mot pour mot', edited: 'Copie retouchée' } };
      try {
        for (const language of ['en', 'fr'] as const) {
          await ask(panel, 'set-settings', { language });
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item]', { timeout: 10_000 });
          for (const kind of ['verbatim', 'edited'] as const) {
            const item = panel.locator(`[data-testid=passage-item][data-kind=${kind}] .rc-label--${kind}`).first();
            if ((await item.count()) === 0) continue;
            const label = await item.textContent();
            assert(label === names[language][kind], `${language} ${kind} passage labelled ${JSON.stringify(label)}`);
          }
        }
      } finally {
        await ask(panel, 'set-settings', { language: 'auto' });
      }
    },
  },
];
