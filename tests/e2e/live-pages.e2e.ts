import { hoverHighlight, waitForCard } from './lib/card';
import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { demoParts, drawnHere, NAV, REUSED_START, shell, showsReused, until } from './lib/live';
import { expectDone, openView, pageReport, passageCount, recoupeHighlightSizes, tabRuns, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

export const tests: E2eTest[] = [
  {
    name: 'live page: a single-page site pushes the demo article under a new address: highlighted, the background holds the new address; and back to unrelated text: highlights gone',
    async run(t) {
      const { article, own } = demoParts(t);
      const first = t.server.put('/live/spa/home.html', shell(`${NAV}<main id="app"><article><h1>Autre sujet</h1>${own}</article></main>`));
      await open(t.page, first);
      assert((await waitForRecoupe(t.page)) === 'done', 'the unrelated first page did not end as a done run');
      assert((await passageCount(t.page)) === 0, 'the unrelated first page has highlights');

      await t.page.evaluate((html) => {
        history.pushState({}, '', '/live/spa/article-2.html');
        document.getElementById('app')!.innerHTML = html;
      }, article);
      assert(t.page.url().endsWith('/live/spa/article-2.html'), `pushState did not change the address: ${t.page.url()}`);
      const drawn = await until('the pushed article was not highlighted under its new address', () => drawnHere(t.page), showsReused);
      assert(drawn.url === t.page.url(), `the background holds ${drawn.url}, the tab shows ${t.page.url()}`);
      // The popup reads the tab's state: the new page is analysed, with nothing asking for a reload.
      const popup = await openView(t, 'popup', t.page);
      const words = await until('the popup did not show the analysed page', () => popup.evaluate(() => document.body.innerText), (text) => text.trim().length > 0);
      assert(!/Rechargez la page|Reload the page/.test(words), `the popup asks for a reload: ${words.slice(0, 200)}`);
      await popup.close();

      await t.page.evaluate((html) => {
        history.pushState({}, '', '/live/spa/other-3.html');
        document.getElementById('app')!.innerHTML = `<article><h1>Encore autre chose</h1>${html}</article>`;
      }, own);
      await until(
        'the highlights of the previous article stayed after navigating to unrelated text',
        async () => ({ sizes: await recoupeHighlightSizes(t.page), ...(await tabRuns(t.page)), state: (await pageReport(t.page)).state }),
        (v) => Object.keys(v.sizes).length === 0 && v.url === t.page.url() && v.state === 'done',
      );
    },
  },
  {
    name: 'live page: history.replaceState to another address with no change to the page: read again under the new address',
    async run(t) {
      await open(t.page, fixture(t, 'demo').url);
      await expectDone(t.page);
      // Nothing in the DOM changes: only the background's notice tells the content script.
      await t.page.evaluate(() => history.replaceState({}, '', '/fixtures/demo-article-renamed.html'));
      const drawn = await until('the page was not read again under its new address', () => drawnHere(t.page), (d) => showsReused(d) && d.url === t.page.url());
      assert(drawn.url === t.page.url(), `the background holds ${drawn.url}`);
    },
  },
  {
    name: 'live page: an article inserted 3 s after load is highlighted',
    async run(t) {
      const { article } = demoParts(t);
      const late = `<script>setTimeout(() => { document.getElementById('app').innerHTML = ${JSON.stringify(article)}; }, 3000);</script>`;
      await open(t.page, t.server.put('/live/late.html', shell(`${NAV}<main id="app"><p>Chargement…</p></main>${late}`)));
      const state = await waitForRecoupe(t.page);
      assert(state === 'no-article', `the page before its article ended as "${state}", expected "no-article" (the article came too early for this test)`);
      await until('the late article was not highlighted', () => drawnHere(t.page), showsReused, 15_000);
    },
  },
  {
    name: 'live page: a reused paragraph appended by infinite scroll is highlighted',
    async run(t) {
      const { reused, own } = demoParts(t);
      await open(t.page, t.server.put('/live/scroll.html', shell(`${NAV}<main><article id="feed"><h1>Le fil</h1>${own}</article></main>`)));
      assert((await waitForRecoupe(t.page)) === 'done', 'the first screen of the feed did not end as a done run');
      assert((await passageCount(t.page)) === 0, 'the first screen of the feed has highlights');
      await t.page.evaluate((html) => document.getElementById('feed')!.insertAdjacentHTML('beforeend', html), reused);
      await until('the appended paragraph was not highlighted', () => drawnHere(t.page), showsReused);
    },
  },
  {
    name: 'live page: after a highlighted paragraph is removed, no highlight range points at removed text (detached or collapsed)',
    async run(t) {
      await open(t.page, fixture(t, 'demo').url);
      await expectDone(t.page);
      const inside = await t.page.evaluate((start) => {
        const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(start))!;
        const ranges = [...CSS.highlights].filter(([n]) => n.startsWith('recoupe-')).flatMap(([, h]) => [...h] as Range[]);
        const count = ranges.filter((r) => p.contains(r.startContainer)).length;
        p.remove();
        return count;
      }, REUSED_START);
      assert(inside > 0, 'no highlight range in the reused paragraph before removing it: the test would prove nothing');
      const left = await until(
        'highlight ranges still point at the removed paragraph',
        () =>
          t.page.evaluate(() => {
            const ranges = [...CSS.highlights].filter(([n]) => n.startsWith('recoupe-')).flatMap(([, h]) => [...h] as Range[]);
            // A live Range over removed text collapses onto the removal point: it points at nothing left.
            const gone = ranges.filter((r) => r.collapsed || !r.startContainer.isConnected || !r.endContainer.isConnected);
            return { all: ranges.length, detached: gone.length };
          }),
        (v) => v.detached === 0,
        5_000,
      );
      assert(left.all > 0, 'every highlight went away with one paragraph; the others should stay');
    },
  },
  {
    name: 'live page: a reused paragraph inside an open shadow root is highlighted and painted',
    async run(t) {
      const { article, reused } = demoParts(t);
      const attach = `<script>
        const host = document.querySelector('story-part');
        host.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(reused)};
      </script>`;
      const body = article.replace(reused, '<story-part style="display:block"></story-part>');
      await open(t.page, t.server.put('/live/shadow.html', shell(`${NAV}<main>${body}</main>${attach}`)));
      await expectDone(t.page);
      const inShadow = await until(
        'no highlight range inside the shadow root',
        () =>
          t.page.evaluate(() => {
            const ranges = [...CSS.highlights].filter(([n]) => n.startsWith('recoupe-')).flatMap(([, h]) => [...h] as Range[]);
            return ranges.filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot).map((r) => r.toString());
          }),
        (texts) => texts.join(' ').includes(REUSED_START),
        5_000,
      );
      assert(inShadow.length > 0, 'no range inside the shadow root');
      // Painted: the shadow paragraph looks different with Recoupe's highlights than without them.
      const box = await t.page.locator('story-part').boundingBox();
      assert(box !== null && box.height > 0, 'the shadow host has no box');
      const clip = { x: box!.x, y: box!.y, width: Math.min(box!.width, 1200), height: Math.min(box!.height, 600) };
      const lit = await t.page.screenshot({ clip });
      await t.page.evaluate(() => [...CSS.highlights.keys()].filter((n) => n.startsWith('recoupe-')).forEach((n) => CSS.highlights.delete(n)));
      const plain = await t.page.screenshot({ clip });
      assert(!lit.equals(plain), 'the highlight ranges in the shadow root are not painted');
    },
  },
  {
    name: 'live page: text typed into an editable region and Recoupe\'s own card bring no new run',
    async run(t) {
      const { article } = demoParts(t);
      await open(t.page, t.server.put('/live/editor.html', shell(`<main>${article}<div id="editor" contenteditable="true"><p>Votre commentaire</p></div></main>`)));
      await expectDone(t.page);
      const before = (await tabRuns(t.page)).runs;
      assert(before === 1, `expected one run after load, the background heard ${before}`);
      await hoverHighlight(t.page, 'recoupe-verbatim');
      await waitForCard(t.page, (text) => !!text, 'the card did not open');
      await t.page.evaluate(() => {
        const editor = document.getElementById('editor')!;
        for (let i = 0; i < 6; i++) editor.insertAdjacentHTML('beforeend', `<p>${'Un long commentaire tapé par le lecteur, ligne après ligne. '.repeat(4)}</p>`);
      });
      await t.page.waitForTimeout(2_500);
      const after = (await tabRuns(t.page)).runs;
      assert(after === before, `the background heard ${after! - before!} more run(s) after typing and the card`);
    },
  },
];
