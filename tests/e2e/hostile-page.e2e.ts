import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ask } from './lib/background';
import { cardText, clickInCard, hoverHighlight, waitForCard, waitForCardElement } from './lib/card';
import { assert } from './lib/expect';
import { open } from './lib/fixture-pages';
import { recoupeHighlightSizes } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

declare const chrome: { tabs: { query(q: object): Promise<unknown[]> } };

/**
 * A page's own script, run while the page is parsed (before any content script): it forges the
 * state attribute an older Recoupe trusted to skip a page, then watches <html> and <body> for
 * anything Recoupe writes, and offers the attacks the tests trigger later.
 */
const ATTACK = `<script>
(() => {
  const root = document.documentElement;
  if (!location.search.includes('plain')) {
    root.setAttribute('data-recoupe-state', 'done');
    root.setAttribute('data-recoupe-passages', '0');
  }
  const own = root.getAttributeNames();
  const initial = own.map((n) => n + '=' + root.getAttribute(n));
  const changes = [];
  new MutationObserver((records) => {
    for (const r of records) if (r.type === 'attributes') changes.push(r.target.nodeName + ' ' + r.attributeName);
  }).observe(root, { attributes: true });
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) if (r.type === 'attributes') changes.push(r.target.nodeName + ' ' + r.attributeName);
    }).observe(document.body, { attributes: true });
  });
  const fire = (target, x, y) => {
    for (const type of ['pointerover', 'pointerenter', 'pointermove', 'mouseover', 'mousemove']) {
      const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
      target.dispatchEvent(new Ctor(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
    }
  };
  const keys = (target) => {
    for (const key of ['ArrowDown', 'ArrowUp']) target.dispatchEvent(new KeyboardEvent('keydown', { key, altKey: true, shiftKey: true, bubbles: true, composed: true }));
  };
  window.__attack = {
    /** What a page can read of Recoupe without looking at its highlights. */
    read() {
      const foreign = root.getAttributeNames().filter((n) => !own.includes(n));
      const forged = own.map((n) => n + '=' + root.getAttribute(n));
      const entries = performance.getEntries().filter((e) => /recoupe/i.test(e.name)).map((e) => e.entryType + ' ' + e.name);
      const bodyAttrs = document.body.getAttributeNames().filter((n) => /recoupe/i.test(n));
      return { foreign, forged, initial, changes: changes.slice(), entries, bodyAttrs };
    },
    /** Synthetic pointer and key events over highlighted text: they must not bring up the card. */
    hoverText(x, y) {
      const el = document.elementFromPoint(x, y);
      fire(document, x, y);
      if (el) fire(el, x, y);
      keys(document);
      keys(document.body);
      return el ? el.nodeName : null;
    },
    /** Everything a page can try on a card the reader opened. */
    driveCard() {
      const host = document.querySelector('recoupe-card');
      if (!host) return { host: false };
      const result = { host: true, shadowRoot: host.shadowRoot !== null, reached: [] };
      let attached = false;
      try {
        host.attachShadow({ mode: 'open' });
        attached = true;
      } catch {}
      result.attached = attached;
      // Where the root is open, a page clicks every button of the card, over and over.
      const inner = host.shadowRoot;
      if (inner) for (let i = 0; i < 5; i++) for (const b of inner.querySelectorAll('button')) b.click();
      const box = host.getBoundingClientRect();
      for (let y = box.top + 2; y < box.bottom; y += 6) {
        for (let x = box.left + 2; x < box.right; x += 12) {
          const el = document.elementFromPoint(x, y);
          if (!el) continue;
          if (el !== host && !result.reached.includes(el.nodeName)) result.reached.push(el.nodeName);
          for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
            const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
            el.dispatchEvent(new Ctor(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
          }
        }
      }
      host.click();
      host.focus();
      for (const key of ['Enter', ' ', 'Tab', 'Escape']) host.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      return result;
    },
  };
})();
</script>`;

/** The attacking demo page; `forge: false` leaves the state attribute alone, to try the other attacks on their own. */
function hostilePage(t: TestContext, forge = true): string {
  const html = readFileSync(join(t.repoRoot, 'tests/fixtures/pages/demo-article.html'), 'utf8');
  const page = html.replace(/<head[^>]*>/i, (head) => `${head}${ATTACK}`);
  assert(page !== html, 'the demo page has no <head> to put the attack in');
  return t.server.put(`/hostile/demo-${Date.now()}.html`, page) + (forge ? '' : '?plain');
}

/** Waits for Recoupe's highlights as a page sees them (CSS.highlights), without asking the extension. */
async function waitForHighlights(page: Page, timeoutMs = 15_000): Promise<Record<string, number>> {
  const until = Date.now() + timeoutMs;
  let sizes = await recoupeHighlightSizes(page);
  while (Object.keys(sizes).length === 0) {
    if (Date.now() > until) throw new Error('no Recoupe highlight on the hostile page: a page script switched Recoupe off');
    await page.waitForTimeout(100);
    sizes = await recoupeHighlightSizes(page);
  }
  return sizes;
}

async function tabCount(t: TestContext): Promise<number> {
  return (await t.serviceWorker()).evaluate(async () => (await chrome.tabs.query({})).length);
}

interface Attack {
  read(): { foreign: string[]; forged: string[]; initial: string[]; changes: string[]; entries: string[]; bodyAttrs: string[] };
  hoverText(x: number, y: number): string | null;
  driveCard(): { host: boolean; shadowRoot?: boolean; attached?: boolean; reached?: string[] };
}
const attack = (page: Page) => ({
  read: () => page.evaluate(() => (window as unknown as { __attack: Attack }).__attack.read()),
  hoverText: (x: number, y: number) => page.evaluate(([px, py]) => (window as unknown as { __attack: Attack }).__attack.hoverText(px, py), [x, y] as const),
  driveCard: () => page.evaluate(() => (window as unknown as { __attack: Attack }).__attack.driveCard()),
});

export const tests: E2eTest[] = [
  {
    name: 'hostile page: a forged data-recoupe-state does not switch Recoupe off, and the page reads nothing of its run',
    async run(t) {
      await open(t.page, hostilePage(t));
      const sizes = await waitForHighlights(t.page);
      // Give late writes (saved marks, state) the time to happen.
      await t.page.waitForTimeout(1_000);
      const seen = await attack(t.page).read();
      assert(seen.foreign.length === 0, `Recoupe wrote attributes on <html>: ${seen.foreign.join(', ')}`);
      assert(seen.changes.length === 0, `attributes changed on <html>/<body> after the page's own: ${seen.changes.join(', ')}`);
      assert(seen.initial.includes('data-recoupe-state=done'), `the forged attribute was not in place before Recoupe ran: ${seen.initial.join(', ')}`);
      assert(JSON.stringify(seen.forged) === JSON.stringify(seen.initial), `the page's own attributes were rewritten: ${seen.forged.join(', ')}`);
      assert(seen.entries.length === 0, `performance entries a page can read: ${seen.entries.join(', ')}`);
      assert(seen.bodyAttrs.length === 0, `attributes on <body>: ${seen.bodyAttrs.join(', ')}`);
      t.log(`highlights drawn despite the forged state: ${JSON.stringify(sizes)}`);
    },
  },
  {
    name: 'hostile page: synthetic pointer, click and key events neither show, read nor drive the card; nothing saved, no tab opened',
    timeoutMs: 45_000,
    async run(t) {
      const url = hostilePage(t, false);
      await open(t.page, url);
      const before = await waitForHighlights(t.page);
      await t.page.waitForTimeout(300);
      const tabs = await tabCount(t);

      // Synthetic hover and shortcut over highlighted text: no card.
      const point = await t.page.evaluate(() => {
        const range = [...(CSS.highlights.get('recoupe-verbatim') ?? CSS.highlights.get('recoupe-edited') ?? [])][0] as Range | undefined;
        if (!range) return null;
        (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        return r ? { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 } : null;
      });
      assert(point, 'no reuse highlight to aim at');
      await attack(t.page).hoverText(point.x, point.y);
      await t.page.waitForTimeout(500);
      assert((await cardText(t.page)) === null, 'synthetic events brought up the card');
      assert(!(await t.page.evaluate(() => !!document.querySelector('recoupe-card'))), 'a card element appeared for synthetic events');

      // The reader opens the card; the page then tries to read and drive it.
      await hoverHighlight(t.page, before['recoupe-verbatim'] ? 'recoupe-verbatim' : 'recoupe-edited');
      await waitForCardElement(t.page, '[data-testid=save-comparison]');
      const tried = await attack(t.page).driveCard();
      assert(tried.host, 'the page did not find the card host it attacks');
      assert(tried.shadowRoot === false, 'the page can read the card through host.shadowRoot');
      assert(tried.attached === false, 'the page could attach its own shadow root to the card');
      assert((tried.reached ?? []).length === 0, `the page reached inside the card: ${JSON.stringify(tried.reached)}`);
      await t.page.waitForTimeout(1_500);

      const view = await t.newPage();
      await view.goto(`chrome-extension://${t.extensionId}/saved.html`);
      const saved = await ask(view, 'saved-for-url', { url });
      await view.close();
      assert(saved.length === 0, `${saved.length} comparison(s) saved by page events`);
      const tabsAfter = await tabCount(t);
      assert(tabsAfter === tabs, `${tabsAfter - tabs} tab(s) opened by page events`);
      assert((await cardText(t.page)) !== null, 'a synthetic Escape closed the card');
      // The open card marks its passage (recoupe-active); the page's events change nothing else.
      const { 'recoupe-active': marked, ...after } = await recoupeHighlightSizes(t.page);
      assert(marked > 0, 'the open card does not mark its passage');
      assert(JSON.stringify(after) === JSON.stringify(before), `highlights changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);

      // The reader's own click still works.
      await clickInCard(t.page, '[data-testid=save-comparison]');
      await waitForCardElement(t.page, '[data-testid=card-saved]', 10_000);
      await waitForCard(t.page, (text) => text !== null, 'the card closed after saving');
    },
  },
];
