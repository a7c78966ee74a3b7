import type { Frame, Page } from 'playwright-core';
import { waitForCard } from './lib/card';
import { cardGeometry, intersects, placementProblems, waitUntil, type Rect } from './lib/card-geometry';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { demoParts, NAV, REUSED_START, shell } from './lib/live';
import { expectDone, waitForState } from './lib/page';
import type { E2eTest } from './lib/types';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Line boxes of the paragraph's text from `from` to `to` (page-text offsets in its one text node), read as a page script could. */
function linesOf(page: Page, from: number, to: number): Promise<Rect[]> {
  return page.evaluate(
    ([a, b]) => {
      const node = document.querySelector('#two-sources')!.firstChild!;
      const r = document.createRange();
      r.setStart(node, a);
      r.setEnd(node, b);
      return [...r.getClientRects()].filter((x) => x.width > 2).map((x) => ({ left: x.left, top: x.top, right: x.right, bottom: x.bottom }));
    },
    [from, to] as const,
  );
}

/** The marked passage's text (the one the card speaks of), or '' without an open card. */
const markedText = async (page: Page) => squash((await cardGeometry(page)).text);

export const tests: E2eTest[] = [
  {
    name: 'card intent: a pointer crossing another passage on its way to the open card keeps the card; resting on that passage switches it',
    timeoutMs: 45_000,
    async run(t) {
      // One paragraph: a verbatim Europe 1 paragraph, then franceinfo's edited one, so the second
      // passage starts on the first one's last line, between its earlier lines and the card below.
      const [a, b] = fixture(t, 'demo').units;
      const { own } = demoParts(t);
      const body = `${NAV}<main><article style="width:640px;margin:30px 40px;font:18px/1.7 'DejaVu Serif',serif"><h1>Le sommet</h1><p id="two-sources">${a.text} ${b.text}</p>${own}</article></main>`;
      await open(t.page, t.server.put('/intent/two-sources.html', shell(body)));
      await expectDone(t.page);
      // A width where the second passage starts early on its line, within the card's width below it.
      const width = await t.page.evaluate((cut) => {
        const p = document.querySelector<HTMLElement>('#two-sources')!;
        const r = document.createRange();
        r.setStart(p.firstChild!, cut);
        r.setEnd(p.firstChild!, cut + 1);
        for (let w = 560; w <= 760; w += 8) {
          p.parentElement!.style.width = `${w}px`;
          const from = r.getClientRects()[0].left - p.getBoundingClientRect().left;
          if (from > 40 && from < 200) return w;
        }
        return null;
      }, a.text.length + 1);
      assert(width !== null, 'no article width puts the second passage early on its line');
      await t.page.evaluate(() => document.querySelector('#two-sources')!.scrollIntoView({ block: 'start' }));
      const linesA = await linesOf(t.page, 0, a.text.length);
      const linesB = await linesOf(t.page, a.text.length + 1, a.text.length + 1 + b.text.length);
      const firstB = linesB[0];
      const above = linesA.filter((r) => r.bottom <= firstB.top + 1).at(-1);
      assert(above && firstB.right - firstB.left > 80, `no line of the first passage above the second one's first line: ${JSON.stringify({ linesA, firstB })}`);

      // Hover the first passage just above where the second begins.
      const start = { x: firstB.left + 40, y: (above.top + above.bottom) / 2 };
      await t.page.mouse.move(start.x - 30, start.y - 40);
      await t.page.mouse.move(start.x, start.y, { steps: 4 });
      const opened = await waitUntil(t.page, () => cardGeometry(t.page), (g) => g.card !== null && g.text.length > 0, 'no card on the first passage');
      const textA = squash(opened.text);
      assert(squash(a.text).includes(textA.slice(0, 60)), `the card marks ${JSON.stringify(textA.slice(0, 60))}, not the hovered Europe 1 passage`);
      const card = opened.card!;
      assert(!intersects(card, firstB) && card.top >= firstB.bottom - 1, `the card ${JSON.stringify(card)} is not below the second passage's first line ${JSON.stringify(firstB)}`);

      // Straight down into the card, through the second passage's first line.
      const target = { x: Math.min(Math.max(start.x, card.left + 20), card.right - 20), y: card.top + 14 };
      const band = (firstB.top + firstB.bottom) / 2;
      const crossX = start.x + ((target.x - start.x) * (band - start.y)) / (target.y - start.y);
      assert(crossX > firstB.left + 2 && crossX < firstB.right - 2, `the way to the card does not cross the second passage (${crossX} outside ${firstB.left}–${firstB.right})`);
      await t.page.mouse.move(target.x, target.y, { steps: 16 });
      // Longer than the rest that switches a card: the crossing alone must not have switched it.
      await t.page.waitForTimeout(700);
      const kept = await cardGeometry(t.page);
      assert(kept.card !== null, 'the card closed when the pointer reached it');
      assert(squash(kept.text) === textA, `crossing the franceinfo passage switched the card to ${JSON.stringify(squash(kept.text).slice(0, 60))}`);

      // Resting on the second passage does switch the card to it.
      await t.page.mouse.move(firstB.left + 40, band, { steps: 6 });
      const switched = await waitUntil(t.page, () => markedText(t.page), (text) => text.length > 0 && text !== textA, 'resting on the second passage did not switch the card');
      assert(squash(b.text).includes(switched.slice(0, 40)) || switched.includes(squash(b.text).slice(0, 40)), `the card switched to ${JSON.stringify(switched.slice(0, 60))}, not the franceinfo passage`);
      t.log(`card kept on “${textA.slice(0, 40)}…” while crossing; switched to “${switched.slice(0, 40)}…” after resting`);
    },
  },
  {
    name: 'card intent: the card of a passage inside a same-origin frame is placed beside that passage, using the frame\'s place on the page',
    timeoutMs: 45_000,
    async run(t) {
      const { article } = demoParts(t);
      t.server.put('/intent/frames/reader.html', shell(`<main style="font:18px/1.6 serif">${article}</main>`));
      // The frame sits well down and to the right of the page's top-left corner.
      const top = shell(`${NAV}<div style="height:220px"></div><iframe src="/intent/frames/reader.html" style="display:block;margin-left:160px;width:760px;height:560px;border:6px solid #888;padding:4px"></iframe><div style="height:1500px"></div>`);
      await open(t.page, t.server.put('/intent/frames/top.html', top));
      // A first run that reads the frame before it loads finds no article; the frame's load runs it again.
      await waitForState(t.page, 'done');
      const frame = t.page.frames().find((f) => f.url().endsWith('/intent/frames/reader.html')) as Frame;
      assert(frame, 'no reader frame');
      const point = await waitUntil(
        t.page,
        () =>
          frame.evaluate((startText) => {
            const range = [...(CSS.highlights.get('recoupe-verbatim') ?? [])].map((r) => r as Range).find((r) => r.toString().startsWith(startText.slice(0, 20)));
            if (!range) return null;
            range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
            const rect = range.getClientRects()[0];
            return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
          }, REUSED_START),
        (p) => p !== null,
        'no verbatim highlight over the reused paragraph in the frame',
      );
      // The frame's viewport starts inside its border and padding.
      const box = (await t.page.locator('iframe').boundingBox())!;
      const origin = { x: box.x + 6 + 4, y: box.y + 6 + 4 };
      await t.page.mouse.move(origin.x + point!.x - 30, origin.y + point!.y - 30);
      await t.page.mouse.move(origin.x + point!.x, origin.y + point!.y, { steps: 4 });
      await waitForCard(t.page, (text) => !!text && /AFP|Europe/.test(text), 'the card did not open over the frame\'s highlight');

      /** The card (top document) and the marked passage (the frame's registry) in the page's viewport. */
      const geometry = async () => {
        const g = await cardGeometry(t.page);
        const lines = await frame.evaluate(() =>
          ([...(CSS.highlights.get('recoupe-active') ?? [])] as Range[]).flatMap((r) => [...r.getClientRects()].map((b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom }))),
        );
        const at = (await t.page.locator('iframe').boundingBox())!;
        const dx = at.x + 10;
        const dy = at.y + 10;
        return { ...g, passage: lines.map((r) => ({ left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy })) };
      };
      const g = await waitUntil(t.page, geometry, (v) => v.card !== null && v.passage.length > 0, 'no card with a marked passage in the frame');
      assert(placementProblems(g).length === 0, placementProblems(g).join('; '));
      const union = { top: Math.min(...g.passage.map((r) => r.top)), bottom: Math.max(...g.passage.map((r) => r.bottom)) };
      const gap = Math.min(Math.abs(g.card!.top - union.bottom), Math.abs(union.top - g.card!.bottom));
      assert(gap <= 12, `the card ${JSON.stringify(g.card)} is ${Math.round(gap)} px away from its passage (${union.top}–${union.bottom}), not beside it`);
      t.log(`frame at ${Math.round(box.x)}, ${Math.round(box.y)}: card ${Math.round(gap)} px from its passage`);

      // Scrolling the page moves the frame, its passage and the card together.
      await t.page.evaluate(() => window.scrollBy(0, 60));
      const moved = await waitUntil(
        t.page,
        geometry,
        (v) => v.card !== null && v.passage.length > 0 && Math.abs(v.card.top - g.card!.top + 60) <= 2,
        'the card did not follow its framed passage when the page scrolled',
      );
      assert(placementProblems(moved).length === 0, `after scrolling: ${placementProblems(moved).join('; ')}`);
    },
  },
];
