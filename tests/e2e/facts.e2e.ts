import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SEED } from '../fixtures/corpus';
import { XSS_TEXT } from '../fixtures/expected';
import { ask } from './lib/background';
import { assert, collapse } from './lib/expect';
import { open } from './lib/fixture-pages';
import { expectDone, openView, passageCount, recoupeHighlightSizes } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';
import { cardQuery, waitForCardElement } from './lib/card';

/**
 * facts-retold.html tells three facts of the bundled seeds in new words (no sentence copied), then
 * an unrelated story. Each opening below starts one retold sentence.
 */
const RETOLD = [
  "Lors d'une visioconférence avec Joe Biden, mardi 7 décembre, Vladimir Poutine a exigé des garanties juridiques",
  'Le chef de la Maison Blanche a menacé Moscou de sanctions économiques sévères',
  "Joe Biden n'a accordé aucune concession à Vladimir Poutine",
];
const UNRELATED = ['bibliothèque', 'Les habitants du quartier', 'salles de lecture', 'face-à-face numérique'];

async function openRetold(t: TestContext): Promise<void> {
  await open(t.page, `${t.server.origin}/fixtures/facts-retold.html`);
  await expectDone(t.page);
}

function sameFactTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('recoupe-same-fact') ?? [])].map((r) => (r as Range).toString()));
}

async function sidePanel(t: TestContext): Promise<Page> {
  const view = await openView(t, 'sidepanel', t.page);
  await view.waitForSelector('[data-testid=passage-item]', { timeout: 15_000 });
  return view;
}

/** Selects the first same-fact passage whose page text includes `probe` and waits for its versions. */
async function selectFact(view: Page, probe: string): Promise<void> {
  const items = view.locator('[data-testid=passage-item][data-kind=same-fact]');
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    if (((await items.nth(i).textContent()) ?? '').includes(probe)) {
      await items.nth(i).click();
      await view.waitForSelector('[data-testid=fact-versions]', { timeout: 5_000 });
      return;
    }
  }
  throw new Error(`no same-fact passage-item shows "${probe}" (${n} same-fact items)`);
}

/** The versions of the focused fact, saved as a picture; RECOUPE_SCREENSHOT=1 also puts it in docs/ for the README. */
async function screenshotVersions(t: TestContext, view: Page): Promise<void> {
  await view.setViewportSize({ width: 1400, height: 1000 });
  // Only the picture waits for the new width's layout to settle; no assertion depends on it.
  await view.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await view.waitForTimeout(200);
  const file = join(t.artifactsDir, 'same-fact-versions.png');
  await view.evaluate(() => window.scrollTo(0, 0));
  await view.screenshot({ path: file });
  if (process.env.RECOUPE_SCREENSHOT === '1') {
    mkdirSync(join(t.repoRoot, 'docs'), { recursive: true });
    copyFileSync(file, join(t.repoRoot, 'docs/screenshot-same-fact.png'));
    t.log('screenshot written to docs/screenshot-same-fact.png');
  }
}

export const tests: E2eTest[] = [
  {
    name: 'same-fact: a comparison of two versions of a fact is saved with its framing hints and listed in the Saved view',
    timeoutMs: 45_000,
    async run(t) {
      await openRetold(t);
      const view = await sidePanel(t);
      await selectFact(view, RETOLD[0].slice(0, 30));
      await view.waitForSelector('[data-testid=save-comparison]', { timeout: 10_000 });
      await view.click('[data-testid=save-comparison]');
      await view.waitForSelector('[data-testid=save-confirmation]', { timeout: 10_000 });
      const records = await ask(view, 'saved-for-url', { url: t.page.url() });
      assert(records.length === 1, `${records.length} records saved for the retold page`);
      const [record] = records;
      assert(record.kind === 'same-fact', `saved kind is ${record.kind}`);
      assert(collapse(record.passage.text).startsWith(collapse(RETOLD[0])), `saved page passage: ${record.passage.text.slice(0, 80)}`);
      assert((record.hints?.length ?? 0) > 0, 'the saved same-fact comparison has no framing hints');
      const saved = await t.newPage();
      await saved.goto(`chrome-extension://${t.extensionId}/saved.html`);
      await saved.waitForSelector('main[data-state=ready]', { timeout: 10_000 });
      const item = saved.locator(`[data-testid=saved-item][data-id="${record.id}"]`);
      assert((await item.count()) === 1, 'the saved same-fact comparison is not in the Saved view');
      const markdown = await ask(saved, 'export-saved', { format: 'markdown' });
      assert(markdown.includes(record.other.outlet), 'the Markdown export does not name the other outlet');
    },
  },
  {
    name: 'same-fact: seed facts told in new words get recoupe-same-fact highlights on those sentences and nowhere else',
    async run(t) {
      await openRetold(t);
      const sizes = await recoupeHighlightSizes(t.page);
      assert(!sizes['recoupe-verbatim'] && !sizes['recoupe-edited'], `copied-text highlights on a page that copies nothing: ${JSON.stringify(sizes)}`);
      const texts = (await sameFactTexts(t.page)).map(collapse);
      assert(texts.length > 0, 'no recoupe-same-fact highlight');
      for (const opening of RETOLD) {
        assert(texts.some((x) => x.startsWith(opening.slice(0, 40))), `no same-fact highlight starts the sentence "${opening}"; highlights: ${JSON.stringify(texts)}`);
      }
      for (const x of texts) {
        assert(RETOLD.some((o) => x.startsWith(o.slice(0, 40))), `same-fact highlight outside the retold sentences: ${JSON.stringify(x)}`);
        for (const word of UNRELATED) assert(!x.includes(word), `same-fact highlight over unrelated text "${word}": ${JSON.stringify(x)}`);
      }
      const passages = await passageCount(t.page);
      assert(passages >= RETOLD.length, `${passages} passages drawn`);
      // The third style is a dotted underline, unlike the solid and wavy ones.
      const style = await t.page.evaluate(() => {
        for (const sheet of [...document.adoptedStyleSheets, ...[...document.styleSheets]]) {
          for (const rule of [...sheet.cssRules]) if (rule.cssText.includes('recoupe-same-fact')) return rule.cssText;
        }
        return '';
      });
      assert(/dotted/.test(style), `recoupe-same-fact style is not dotted: ${style}`);
    },
  },
  {
    name: 'same-fact: the popup gives a same-story verdict with the facts in common',
    async run(t) {
      await openRetold(t);
      const popup = await openView(t, 'popup', t.page);
      await popup.waitForSelector('[data-testid=verdict-item]', { timeout: 15_000 });
      const items = await popup.$$eval('[data-testid=verdict-item]', (els) =>
        els.map((el) => ({ relation: el.getAttribute('data-relation'), dispatch: el.getAttribute('data-dispatch'), text: el.textContent ?? '' })),
      );
      const story = items.filter((i) => i.relation === 'same-story');
      assert(story.length > 0, `no same-story verdict: ${JSON.stringify(items)}`);
      assert(story.some((i) => /(Same story as |Même histoire qu(?:e |’)).+ — \d+ (facts?|faits?) (in common|en commun)/.test(i.text)), `same-story verdict text: ${JSON.stringify(story)}`);
    },
  },
  {
    name: 'same-fact: Alt+Shift+Arrows reach same-fact highlights; the card counts the outlets and gives the sharpest difference',
    async run(t) {
      await openRetold(t);
      await t.page.bringToFront();
      const seen: { outlets: string | null; sharpest: string; open: number }[] = [];
      for (let i = 0; i < RETOLD.length; i++) {
        await t.page.keyboard.press('Alt+Shift+ArrowDown');
        await waitForCardElement(t.page, '[data-testid=card-fact]').catch(() => {
          throw new Error(`step ${i + 1}: no card with a same-fact section`);
        });
        const [fact] = await cardQuery(t.page, '[data-testid=card-fact]');
        const [sharpest] = await cardQuery(t.page, '[data-testid=card-sharpest]');
        seen.push({
          outlets: fact?.attrs['data-outlets'] ?? null,
          sharpest: sharpest?.text ?? '',
          open: (await cardQuery(t.page, '[data-testid=open-comparison]')).length,
        });
      }
      // The first retold sentence is told by several seeds (AFP twice, CNSNews, RT/Radio Habana).
      assert(Number(seen[0].outlets) >= 2, `first sentence told by ${seen[0].outlets} outlets: ${JSON.stringify(seen)}`);
      assert(seen.every((s) => s.open === 1), `open-comparison buttons: ${JSON.stringify(seen)}`);
      assert(seen.some((s) => s.sharpest.length > 10), `no sharpest difference in any card: ${JSON.stringify(seen)}`);
      assert(seen.every((s) => !/the other version|Only the page/.test(s.sharpest)), `card shows the engine's English note: ${JSON.stringify(seen)}`);
    },
  },
  {
    name: 'same-fact: the side panel shows another outlet’s version with hints listed and their words marked',
    async run(t) {
      await openRetold(t);
      const view = await sidePanel(t);
      await selectFact(view, RETOLD[0].slice(0, 30));
      const columns = await view.$$eval('[data-testid=version-column]', (els) => els.map((el) => ({ side: el.getAttribute('data-side'), dispatch: el.getAttribute('data-dispatch'), text: el.textContent ?? '' })));
      assert(columns[0]?.side === 'page', `first column is not the page's version: ${JSON.stringify(columns.map((c) => c.side))}`);
      const others = columns.filter((c) => c.side === 'dispatch');
      assert(others.length >= 2, `fewer than two outlets' versions of the first fact: ${JSON.stringify(others.map((c) => c.dispatch))}`);
      assert((await view.locator('[data-testid=version-column] mark.rc-shared').count()) > 0, 'no shared term marked');
      // A hint whose words are marked in a text: focusing it emphasises them.
      const key = await view.evaluate(() => {
        for (const item of document.querySelectorAll('[data-testid=hint-item]')) {
          const k = item.getAttribute('data-hint')!;
          if ([...document.querySelectorAll('mark[data-hint]')].some((m) => m.getAttribute('data-hint')!.split(' ').includes(k))) return k;
        }
        return null;
      });
      assert(key, `no listed hint has its words marked (${await view.locator('[data-testid=hint-item]').count()} hints)`);
      await view.focus(`[data-testid=hint-item][data-hint="${key}"]`);
      const active = await view.evaluate((k) => [...document.querySelectorAll('mark.rc-fhint--active')].filter((m) => m.getAttribute('data-hint')!.split(' ').includes(k)).length, key);
      assert(active > 0, `focusing hint ${key} marks none of its words as active`);
      const hintText = await view.locator(`[data-testid=hint-item][data-hint="${key}"]`).textContent();
      assert(hintText && !/the other version|Only the page/.test(hintText), `hint shows the engine's English note: ${hintText}`);
      await screenshotVersions(t, view);
    },
  },
  {
    name: 'same-fact: keyboard reaches the passage list, the tabs and the hints in the side panel',
    async run(t) {
      await openRetold(t);
      const view = await sidePanel(t);
      const first = view.locator('[data-testid=passage-item]').first();
      await first.focus();
      const before = await first.getAttribute('data-index');
      await view.keyboard.press('ArrowDown');
      const moved = await view.evaluate(() => ({
        index: document.activeElement?.getAttribute('data-index') ?? null,
        current: document.activeElement?.getAttribute('aria-current') ?? null,
        testid: document.activeElement?.getAttribute('data-testid') ?? null,
      }));
      assert(moved.testid === 'passage-item' && moved.index !== before && moved.current === 'true', `ArrowDown in the list: ${JSON.stringify({ before, moved })}`);
      await view.locator('[data-testid=passage-item][data-kind=same-fact]').first().click();
      await view.waitForSelector('[data-testid=hint-item]', { timeout: 5_000 });
      await view.locator('[data-testid=tab-passages]').focus();
      let reached: string | null = null;
      for (let i = 0; i < 80 && !reached; i++) {
        await view.keyboard.press('Tab');
        reached = await view.evaluate(() => (document.activeElement?.getAttribute('data-testid') === 'hint-item' ? document.activeElement.getAttribute('data-hint') : null));
      }
      assert(reached, 'Tab from the tabs never reaches a hint');
      await view.keyboard.press('Enter');
      const pressed = await view.getAttribute(`[data-testid=hint-item][data-hint="${reached}"]`, 'aria-pressed');
      assert(pressed === 'true', `Enter on a hint: aria-pressed=${pressed}`);
      await view.locator('[data-testid=tab-passages]').focus();
      await view.keyboard.press('ArrowRight');
      await view.waitForSelector('[data-testid=article-view]', { timeout: 5_000 });
      const focused = await view.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      assert(focused === 'tab-article', `ArrowRight on the tabs focused ${focused}`);
    },
  },
  {
    name: 'same-fact: the Article tab lists each fact, who reports it and who leaves it out, with the article verdict',
    async run(t) {
      await openRetold(t);
      const view = await sidePanel(t);
      await view.click('[data-testid=tab-article]');
      await view.waitForSelector('[data-testid=article-fact]', { timeout: 5_000 });
      const facts = await view.$$eval('[data-testid=article-fact]', (els) =>
        els.map((el) => {
          const omitted = el.querySelector('[data-testid=article-omitted]');
          return { tellers: el.querySelectorAll('[data-testid=article-teller]').length, omitted: Number(omitted?.getAttribute('data-omitted')), text: omitted?.textContent ?? '' };
        }),
      );
      assert(facts.length >= RETOLD.length, `${facts.length} facts in the article view`);
      assert(facts.some((f) => f.tellers >= 2), `no fact told by two outlets: ${JSON.stringify(facts)}`);
      // Sentences told by one outlet only are left out by the other dispatches of the story, named.
      const single = facts.find((f) => f.tellers === 1);
      assert(single && single.omitted >= 1 && /Europe 1|franceinfo|Radio Habana/.test(single.text), `no omission named: ${JSON.stringify(facts)}`);
      assert(facts.some((f) => f.tellers >= 2 && f.omitted < single.omitted), `omissions do not follow the tellers: ${JSON.stringify(facts)}`);
      const relations = await view.$$eval('[data-testid=article-verdicts] li', (els) => els.map((el) => el.getAttribute('data-relation')));
      assert(relations.includes('same-story'), `article verdicts: ${JSON.stringify(relations)}`);
    },
  },
  {
    name: 'same-fact: page text that looks like markup is shown as text in the versions',
    async run(t) {
      await openRetold(t);
      const view = await sidePanel(t);
      await selectFact(view, RETOLD[1].slice(0, 30));
      const page = await view.locator('[data-testid=version-column][data-side=page]').textContent();
      assert(page?.includes(XSS_TEXT), `the page's version does not show ${XSS_TEXT}: ${JSON.stringify(page)}`);
      const injected = await view.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length);
      assert(injected === 0, `${injected} element(s) created from page text`);
    },
  },
  {
    name: 'reading view: a corpus dispatch shows its alignment with the other dispatches, linked from the options page',
    timeoutMs: 45_000,
    async run(t) {
      const options = await t.newPage();
      await options.goto(`chrome-extension://${t.extensionId}/options.html`);
      await options.waitForSelector('[data-testid=corpus-row]', { timeout: 15_000 });
      const href = await options.getAttribute(`[data-testid=open-reader][data-dispatch="${SEED.radiohc}"]`, 'href');
      assert(href?.includes(`reader.html?id=${encodeURIComponent(SEED.radiohc)}`), `options reading-view link: ${href}`);
      const reader = await t.newPage();
      await reader.goto(`chrome-extension://${t.extensionId}${href}`);
      await reader.waitForSelector('[data-testid=passage-item]', { timeout: 20_000 });
      const title = await reader.locator('[data-testid=reader-title]').textContent();
      assert(title && title.length > 10, `reader title: ${title}`);
      const items = await reader.$$eval('[data-testid=passage-item]', (els) => els.map((el) => ({ kind: el.getAttribute('data-kind'), dispatch: el.getAttribute('data-dispatch') })));
      assert(items.every((i) => i.dispatch !== SEED.radiohc), 'the dispatch is aligned with itself');
      assert(items.some((i) => i.kind === 'same-fact'), `no same-fact alignment in the reading view: ${JSON.stringify(items)}`);
      await reader.locator('[data-testid=passage-item][data-kind=same-fact]').first().click();
      await reader.waitForSelector('[data-testid=version-column][data-side=dispatch]', { timeout: 5_000 });
      const self = await reader.locator('[data-testid=version-column][data-side=page] h4').textContent();
      assert(self && /dispatch|dépêche/i.test(self), `the dispatch's own column is labelled ${JSON.stringify(self)}`);
      const hints = await reader.$$eval('[data-testid=hint-item]', (els) => els.map((el) => el.textContent ?? ''));
      assert(hints.length > 0, 'no framing hint in the reading view');
      assert(hints.every((h) => !/this page|cette page/i.test(h)), `reading-view hints speak of a page: ${JSON.stringify(hints)}`);
    },
  },
  {
    name: 'same-fact: unticking "same fact" on the options page leaves those sentences unhighlighted',
    timeoutMs: 45_000,
    async run(t) {
      const options = await t.newPage();
      await options.goto(`chrome-extension://${t.extensionId}/options.html`);
      const box = options.locator('[data-testid=setting-kind][data-kind=same-fact]');
      await box.waitFor({ timeout: 15_000 });
      assert(await box.isChecked(), 'same-fact highlighting is off by default');
      // The box follows the stored settings, so it changes once the background has them: click, then wait.
      const checked = (on: boolean) =>
        options.waitForFunction((want) => (document.querySelector('[data-testid=setting-kind][data-kind=same-fact]') as HTMLInputElement | null)?.checked === want, on, { timeout: 5_000 });
      await box.click();
      await checked(false);
      try {
        await openRetold(t);
        const sizes = await recoupeHighlightSizes(t.page);
        assert(!sizes['recoupe-same-fact'], `same-fact highlights with the kind unticked: ${JSON.stringify(sizes)}`);
      } finally {
        await box.click();
        await checked(true);
      }
      await t.page.reload();
      await expectDone(t.page);
      const again = await recoupeHighlightSizes(t.page);
      assert(again['recoupe-same-fact'] > 0, `same-fact highlights not back once ticked again: ${JSON.stringify(again)}`);
    },
  },
];
