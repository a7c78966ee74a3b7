import type { Page } from 'playwright-core';
import type { Passage } from '../../engine/types';
import { ask } from './lib/background';
import { hoverHighlight, waitForCard } from './lib/card';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, openView } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

const KINDS = ['recoupe-verbatim', 'recoupe-edited', 'recoupe-translated', 'recoupe-same-fact'];

async function linked(t: TestContext, name: 'republished' | 'reuses'): Promise<{ panel: Page; passages: Passage[] }> {
  await open(t.page, fixture(t, name).url);
  await expectDone(t.page);
  const panel = await openView(t, 'sidepanel', t.page);
  await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
  const result = await ask(panel, 'get-tab-result', { tabId: Number(new URL(panel.url()).searchParams.get('tab')) });
  assert(result, 'no result for the tab');
  return { panel, passages: result.passages };
}

const selectedIn = async (panel: Page) => Number(await panel.getAttribute('[data-testid=passage-item][aria-current=true]', 'data-index'));

/** Polls `read` until `check` holds; returns the last value read, or throws with `what`. */
async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > end) throw new Error(`${what} (last: ${JSON.stringify(value)})`);
    await new Promise((r) => setTimeout(r, 30));
    value = await read();
  }
  return value;
}

/**
 * The flash on the page as any page script sees it: its text, and whether its first range is inside
 * the viewport. That range is kept (in the page's own world) so it can be followed after the flash goes.
 */
function flashOf(page: Page): Promise<{ text: string; inView: boolean; scrollY: number } | null> {
  return page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('recoupe-flash') ?? [])] as Range[];
    if (ranges.length === 0) return null;
    (window as unknown as { flashed: Range }).flashed = ranges[0];
    const r = ranges[0].getBoundingClientRect();
    return { text: ranges.map((x) => x.toString()).join(''), inView: r.top >= 0 && r.bottom <= innerHeight, scrollY };
  });
}

/** Where the range last seen flashing is now. */
function flashedRange(page: Page): Promise<{ inView: boolean; scrollY: number }> {
  return page.evaluate(() => {
    const r = (window as unknown as { flashed: Range }).flashed.getBoundingClientRect();
    return { inView: r.top >= 0 && r.bottom <= innerHeight, scrollY };
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether two texts share a stretch of 30 characters (a passage and a highlight over it), longer than any common phrase. */
function overlap(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [squash(a), squash(b)] : [squash(b), squash(a)];
  if (short.length <= 30) return long.includes(short);
  for (let i = 0; i + 30 <= short.length; i += 3) if (long.includes(short.slice(i, i + 30))) return true;
  return false;
}

/**
 * A highlight of some length, not used before, that covers none of the passages given: resting on
 * it can select only a passage the panel does not show already.
 */
function highlightApart(texts: readonly string[], used: readonly number[], ...avoid: readonly string[]): number {
  return texts.findIndex((text, i) => text.length > 40 && !used.includes(i) && avoid.every((a) => !overlap(text, a)));
}

export const tests: E2eTest[] = [
  {
    name: 'panel ↔ page: selecting a passage scrolls the page to it and flashes it for a moment, without smooth scrolling under reduced motion',
    timeoutMs: 45_000,
    async run(t) {
      const { panel, passages } = await linked(t, 'republished');
      const listed = await panel.$$eval('[data-testid=passage-item]', (els) => els.map((e) => Number(e.getAttribute('data-index'))));
      // The passage furthest down the page, so the page has to move to show it.
      const far = listed.reduce((a, b) => (passages[b].page.start > passages[a].page.start ? b : a));
      await t.page.evaluate(() => window.scrollTo(0, 0));
      const domBefore = await t.page.evaluate(() => document.documentElement.outerHTML);
      t.log(`page visibility while the panel is used: ${await t.page.evaluate(() => document.visibilityState)}`);
      const shown = Date.now();
      await panel.click(`[data-testid=passage-item][data-index="${far}"]`);
      const flash = await until(() => flashOf(t.page), (f) => f !== null, 'no recoupe-flash highlight on the page after a selection in the panel');
      assert(overlap(flash!.text, passages[far].page.text), `the flash covers ${JSON.stringify(flash!.text.slice(0, 80))}, not passage ${far}`);
      const settled = await until(() => flashedRange(t.page), (f) => f.inView && f.scrollY > 0, 'the page did not scroll the flashed passage into the viewport');
      t.log(`passage ${far} (page offset ${passages[far].page.start}): page scrolled to ${settled.scrollY}px, passage in the viewport`);
      t.log(`smooth scroll: when the flash first showed, the page was at ${flash!.scrollY}px, passage in view: ${flash!.inView}`);
      await until(() => flashOf(t.page), (f) => f === null, 'the flash stays on the page', 5_000);
      const lasted = Date.now() - shown;
      assert(lasted >= 1_000 && lasted < 4_000, `the flash lasted about ${lasted} ms, expected about 1.5 s`);
      t.log(`flash gone after ${lasted} ms (from the click)`);
      assert((await t.page.evaluate(() => document.documentElement.outerHTML)) === domBefore, 'showing the passage changed the page’s DOM');

      // Reduced motion: the page is already there when the flash appears (no smooth scroll under way).
      await t.page.emulateMedia({ reducedMotion: 'reduce' });
      await t.page.evaluate(() => window.scrollTo(0, 0));
      const other = listed.find((i) => i !== far && passages[i].page.start > passages[far].page.start / 2) ?? listed.find((i) => i !== far)!;
      await panel.click(`[data-testid=passage-item][data-index="${other}"]`);
      const instant = await until(() => flashOf(t.page), (f) => f !== null, 'no flash under reduced motion');
      assert(instant!.inView, `under reduced motion the passage is not in view when it flashes (scrollY ${instant!.scrollY})`);
      t.log(`reduced motion: when the flash first showed, the page was already at ${instant!.scrollY}px`);
    },
  },
  {
    name: 'panel ↔ page: keyboard focus and the pointer resting on a highlight select its passage in the panel',
    timeoutMs: 45_000,
    async run(t) {
      const { panel, passages } = await linked(t, 'republished');
      // Alt+Shift+ArrowDown focuses the first highlight of the page, in document order.
      const first = await t.page.evaluate((kinds) => {
        const ranges = kinds.flatMap((k) => [...(CSS.highlights.get(k) ?? [])] as Range[]);
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        return ranges[0]?.toString() ?? '';
      }, KINDS);
      // The reader first picks, in the panel, a passage away from that highlight.
      const listed = await panel.$$eval('[data-testid=passage-item]', (els) => els.map((e) => Number(e.getAttribute('data-index'))));
      const away = listed.find((i) => !overlap(passages[i].page.text, first));
      assert(away !== undefined, 'every passage overlaps the first highlight');
      await panel.click(`[data-testid=passage-item][data-index="${away}"]`);
      await until(() => selectedIn(panel), (i) => i === away, 'the panel did not select the clicked passage');
      await t.page.bringToFront();
      await t.page.keyboard.press('Alt+Shift+ArrowDown');
      const byKey = await until(() => selectedIn(panel), (i) => overlap(passages[i].page.text, first), `the panel did not select the passage of the first highlight ${JSON.stringify(first.slice(0, 60))}`);
      t.log(`panel on passage ${away}; keyboard focus on the first highlight selected passage ${byKey}`);
      await t.page.keyboard.press('Escape');

      // The pointer resting on another verbatim highlight, far from the one selected.
      const texts = await t.page.evaluate(() => [...(CSS.highlights.get('recoupe-verbatim') ?? [])].map((r) => r.toString()));
      const target = highlightApart(texts, [], passages[byKey].page.text);
      assert(target >= 0, 'no verbatim highlight apart from the selected passage');
      await hoverHighlight(t.page, 'recoupe-verbatim', target);
      const byPointer = await until(() => selectedIn(panel), (i) => i !== byKey && overlap(passages[i].page.text, texts[target]), 'the panel did not follow the highlight under the pointer');
      t.log(`pointer on verbatim highlight ${target} selected passage ${byPointer} (${passages[byPointer].kind})`);
      const detail = await panel.getAttribute('[data-testid=passage-detail]', 'data-kind');
      assert(detail === passages[byPointer].kind, `the comparison shows a ${detail} passage, the list selected a ${passages[byPointer].kind} one`);
    },
  },
  {
    name: 'panel ↔ page: the panel says how it is linked to the page, and counts as the popup does, in English and French',
    timeoutMs: 45_000,
    async run(t) {
      const { panel } = await linked(t, 'reuses');
      const hints = { en: /the page scrolls to the one you pick/, fr: /la page défile jusqu’à celui que vous choisissez/ };
      try {
        for (const language of ['en', 'fr'] as const) {
          await ask(panel, 'set-settings', { language });
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
          const hint = await panel.textContent('[data-testid=passage-list] .rc-hint');
          assert(hint && hints[language].test(hint), `${language} list hint ${JSON.stringify(hint)}`);
          const popup = await openView(t, 'popup', t.page);
          await popup.waitForSelector('[data-testid=passage-counts]', { timeout: 10_000 });
          const counts = [await popup.textContent('[data-testid=passage-counts]'), await panel.textContent('[data-testid=passage-counts]')];
          assert(counts[0] && counts[0] === counts[1], `${language}: popup counts ${JSON.stringify(counts[0])}, side panel ${JSON.stringify(counts[1])}`);
          t.log(`${language}: ${counts[0]}`);
          await popup.close();
        }
      } finally {
        await ask(panel, 'set-settings', { language: 'auto' });
      }
    },
  },
  {
    name: 'panel ↔ page: a highlight the pointer rests on is announced once in the panel’s polite live region (place, outlet, kind), in English and French',
    timeoutMs: 60_000,
    async run(t) {
      const { panel, passages } = await linked(t, 'republished');
      const said = {
        en: /^Passage (\d+) of (\d+) selected: (.+), (verbatim copy|edited copy|translated sentence|same fact, other words)$/,
        fr: /^Passage (\d+) sur (\d+) sélectionné\u00a0: (.+), (copie mot pour mot|copie retouchée|phrase traduite|même fait, autres mots)$/,
      };
      const kinds = { en: { verbatim: 'verbatim copy', edited: 'edited copy' }, fr: { verbatim: 'copie mot pour mot', edited: 'copie retouchée' } } as const;
      const used: number[] = [];
      try {
        for (const language of ['en', 'fr'] as const) {
          await ask(panel, 'set-settings', { language });
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
          const region = await panel.$eval('[data-testid=page-focus-status]', (el) => ({ role: el.getAttribute('role'), live: el.getAttribute('aria-live'), text: el.textContent }));
          assert(region.role === 'status' && region.live === 'polite' && region.text === '', `${language}: live region ${JSON.stringify(region)}`);
          // Every change of the live region's text, as assistive technology would hear it.
          await panel.evaluate(() => {
            const el = document.querySelector('[data-testid=page-focus-status]')!;
            const w = window as unknown as { heard: string[] };
            w.heard = [];
            new MutationObserver(() => w.heard.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
          });
          const selected = await selectedIn(panel);
          const texts = await t.page.evaluate(() => [...(CSS.highlights.get('recoupe-verbatim') ?? [])].map((r) => r.toString()));
          // Another highlight in each language: the page already told the panel about the previous one.
          const target = highlightApart(texts, used, passages[selected].page.text);
          assert(target >= 0, 'no verbatim highlight apart from the selected passage');
          used.push(target);
          const point = await hoverHighlight(t.page, 'recoupe-verbatim', target);
          const chosen = await until(() => selectedIn(panel), (i) => i !== selected && overlap(passages[i].page.text, texts[target]), `${language}: the panel did not follow the highlight`);
          // The pointer keeps moving a little over the same highlight, resting between moves.
          for (const dx of [3, 8, 14, 6]) {
            await t.page.mouse.move(point.x + dx, point.y, { steps: 3 });
            await t.page.waitForTimeout(300);
          }
          const heard = await panel.evaluate(() => (window as unknown as { heard: string[] }).heard.filter((s) => s !== ''));
          assert(heard.length === 1, `${language}: the live region spoke ${heard.length} times: ${JSON.stringify(heard)}`);
          const m = said[language].exec(heard[0]);
          assert(m, `${language}: ${JSON.stringify(heard[0])}`);
          const listed = await panel.$$eval('[data-testid=passage-item]', (els) =>
            els.map((e) => ({ index: Number(e.getAttribute('data-index')), outlet: e.closest('.rc-group')?.querySelector('.rc-badge__outlet')?.textContent ?? '' })),
          );
          const at = listed.findIndex((l) => l.index === chosen);
          const kind = passages[chosen].kind as 'verbatim' | 'edited';
          assert(Number(m[1]) === at + 1 && Number(m[2]) === listed.length, `${language}: said ${m[1]} of ${m[2]}, the list shows it ${at + 1} of ${listed.length}`);
          assert(m[3] === listed[at].outlet && m[4] === kinds[language][kind], `${language}: said ${JSON.stringify(m.slice(3))}, the list shows ${JSON.stringify(listed[at].outlet)}, ${kind}`);
          t.log(`${language}: ${heard[0]}`);
          await t.page.mouse.move(5, 5);
          // A panel that reloads while the card is still open hears its passage again at once (panel-ready), which
          // would speak in the next language's live region before the pointer rests anywhere: wait for the card to close.
          await waitForCard(t.page, (text) => text === null, `${language}: the card stayed open once the pointer left`, 5_000);
        }
      } finally {
        await ask(panel, 'set-settings', { language: 'auto' });
      }
    },
  },
  {
    name: 'panel ↔ page: a side panel reloaded while the pointer rests on a highlight selects its passage, and so does resting again on the highlight last reported, in English and French',
    timeoutMs: 90_000,
    async run(t) {
      const { panel, passages } = await linked(t, 'republished');
      const texts = await t.page.evaluate(() => [...(CSS.highlights.get('recoupe-verbatim') ?? [])].map((r) => r.toString()));
      const used: number[] = [];
      try {
        for (const language of ['en', 'fr'] as const) {
          await ask(panel, 'set-settings', { language });
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
          const initial = await selectedIn(panel);
          // A highlight away from the passage the panel opens on now and on a reload with nothing
          // under the pointer (the strongest, first), so that only the page can select it.
          const target = highlightApart(texts, used, passages[initial].page.text, passages[0].page.text);
          assert(target >= 0, 'no verbatim highlight apart from the passage the panel opens on');
          used.push(target);
          await t.page.bringToFront();
          await hoverHighlight(t.page, 'recoupe-verbatim', target);
          const pointed = await until(() => selectedIn(panel), (i) => i !== initial && overlap(passages[i].page.text, texts[target]), `${language}: the panel did not follow the highlight`);

          // The panel reloads while the pointer stays where it is: it opens on the passage under it.
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
          await until(() => selectedIn(panel), (i) => i === pointed, `${language}: after a reload the panel does not show the passage under the pointer`);
          t.log(`${language}: reloaded panel on passage ${pointed}`);

          // The pointer leaves, the panel reloads, the reader rests on the same highlight again.
          await t.page.mouse.move(5, 5);
          await until(async () => (await t.page.evaluate(() => CSS.highlights.get('recoupe-active')?.size ?? 0)) === 0, (n) => n, `${language}: the card did not close`);
          await panel.reload();
          await panel.waitForSelector('[data-testid=passage-item][aria-current=true]', { timeout: 10_000 });
          const before = await selectedIn(panel);
          assert(before !== pointed, `${language}: the reloaded panel kept passage ${pointed} with nothing under the pointer`);
          await t.page.bringToFront();
          await hoverHighlight(t.page, 'recoupe-verbatim', target);
          await until(() => selectedIn(panel), (i) => i === pointed, `${language}: resting again on the highlight last reported does not select it in the reloaded panel`);
          await t.page.mouse.move(5, 5);
        }
      } finally {
        await ask(panel, 'set-settings', { language: 'auto' });
      }
    },
  },
];
