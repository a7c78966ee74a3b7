import type { Frame, Page } from 'playwright-core';
import { waitForCard } from './lib/card';
import { mergedHighlightTexts, recoupeHighlightSizes } from './lib/coverage';
import { assert } from './lib/expect';
import { open } from './lib/fixture-pages';
import { demoParts, NAV, REUSED_START, shell, until } from './lib/live';
import { pageReport, waitForRecoupe, waitForState } from './lib/page';
import type { E2eTest } from './lib/types';

/** The page's frame whose address ends with `path`. */
function frameAt(page: Page, path: string): Frame {
  const frame = page.frames().find((f) => f.url().endsWith(path));
  if (!frame) throw new Error(`no frame at ${path}: ${page.frames().map((f) => f.url()).join(', ')}`);
  return frame;
}

/** What the frame's own scripts can see of Recoupe: its highlights' texts, its elements and attributes that name it. */
const frameView = () => ({
  texts: [...CSS.highlights].filter(([n]) => n.startsWith('recoupe-')).flatMap(([, h]) => [...h] as Range[]).map((r) => r.toString()),
  names: [...CSS.highlights.keys()],
  styles: document.querySelectorAll('style').length,
  traces: [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('recoupe') || [...el.attributes].some((a) => a.name.includes('recoupe'))).length,
});

/** Texts of the ranges of Recoupe's highlights that lie inside a shadow root, read as a page script could. */
const shadowHighlightTexts = () =>
  [...CSS.highlights]
    .filter(([n]) => n.startsWith('recoupe-'))
    .flatMap(([, h]) => [...h] as Range[])
    .filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot)
    .map((r) => r.toString());

/** A same-origin frame written into the page (srcdoc), named so that the browser's frame tree tells it apart. */
function srcdocFrame(name: string, body: string, attrs = 'style="width:900px;height:300px;border:0"'): string {
  const doc = `<!doctype html><html lang=fr><body>${body}</body></html>`;
  return `<iframe name="${name}" ${attrs} srcdoc="${doc.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>`;
}

/** Frames the extraction leaves out, by the block they sit in or their own title; each shows the reused paragraph. */
const PASSED_OVER: Record<string, (frame: string) => string> = {
  'in-aside': (f) => `<aside>${f}</aside>`,
  'in-nav': (f) => `<nav>${f}</nav>`,
  'in-hidden': (f) => `<div style="display:none"><div>${f}</div></div>`,
  'in-ad': (f) => `<div class="ad-leader-top"><div id="slot__container__">${f}</div></div>`,
  'in-comments': (f) => `<section id="comments">${f}</section>`,
  // An ad server's friendly frame, named by its own title alone, anywhere in the page.
  'ad-titled': (f) => f.replace('<iframe ', '<iframe title="3rd party ad content" '),
};

export const tests: E2eTest[] = [
  {
    name: 'embedded article: a web component page whose whole article lives in an open shadow root is analysed and highlighted',
    async run(t) {
      const { article } = demoParts(t);
      // Nothing but the site's navigation in the page's own tree, and no article metadata: only the component holds prose.
      const attach = `<script>
        customElements.define('news-article', class extends HTMLElement {
          constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(`<main>${article}</main>`)}; }
        });
      </script>`;
      await open(t.page, t.server.put('/live/web-component.html', shell(`${NAV}<news-article style="display:block"></news-article>${attach}`)));
      const state = await waitForRecoupe(t.page);
      assert(state === 'done', `the web component page ended as "${state}", expected "done" (an article was found)`);
      const report = await pageReport(t.page);
      assert((report.drawn?.passages ?? 0) > 0, `no passage drawn in the component's article: ${JSON.stringify(report)}`);
      const texts = await until('no highlight range inside the shadow root', () => t.page.evaluate(shadowHighlightTexts), (v) => v.join(' ').includes(REUSED_START), 5_000);
      assert(texts.length > 0, 'no range inside the shadow root');
    },
  },
  {
    name: 'embedded article: an article in a same-origin frame (reader frame) is analysed and highlighted in the frame\'s own document, and its card opens on hover',
    async run(t) {
      const { article } = demoParts(t);
      t.server.put('/live/frames/reader.html', shell(`<main>${article}</main>`));
      // The top page is a shell: navigation and the frame, nothing to read of its own.
      await open(t.page, t.server.put('/live/frames/top.html', shell(`${NAV}<iframe src="/live/frames/reader.html" style="width:1000px;height:700px;border:0"></iframe>`)));
      // A first run that reads the frame before it loads finds no article; the frame's load runs it again.
      await waitForState(t.page, 'done');
      const report = await pageReport(t.page);
      assert((report.drawn?.passages ?? 0) > 0, `no passage drawn for the frame's article: ${JSON.stringify(report)}`);
      const frame = frameAt(t.page, '/live/frames/reader.html');
      const seen = await until('the frame has no highlight of the reused text', () => frame.evaluate(frameView), (v) => v.texts.join(' ').includes(REUSED_START), 5_000);
      // Names per kind only, as in the page; no element, attribute or <style> added to the frame.
      assert(seen.names.every((n) => /^recoupe-(verbatim|edited|same-fact|translated|saved|active|flash)(-under)?$/.test(n)), `unexpected highlight names in the frame: ${seen.names}`);
      assert(seen.styles === 0 && seen.traces === 0, `the frame carries traces of Recoupe: ${JSON.stringify(seen)}`);
      // The page's own registry holds no range of the frame's text (it would not paint it).
      const topSizes = await t.page.evaluate(recoupeHighlightSizes);
      assert(Object.keys(topSizes).length === 0, `the top page registers ranges: ${JSON.stringify(topSizes)}`);
      assert((await frame.evaluate(mergedHighlightTexts)).some((s) => s.includes(REUSED_START)), 'the merged highlight texts miss the reused paragraph');

      // Hovering the highlighted text in the frame opens the card on the page.
      const point = await frame.evaluate((start) => {
        const range = [...(CSS.highlights.get('recoupe-verbatim') ?? [])].map((r) => r as Range).find((r) => r.toString().startsWith(start.slice(0, 20)));
        if (!range) return null;
        const rect = range.getClientRects()[0];
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }, REUSED_START);
      assert(point !== null, 'no verbatim range over the reused paragraph in the frame');
      const box = await t.page.locator('iframe').boundingBox();
      await t.page.mouse.move(box!.x + point!.x - 30, box!.y + point!.y - 30);
      await t.page.mouse.move(box!.x + point!.x, box!.y + point!.y, { steps: 4 });
      await waitForCard(t.page, (text) => !!text && /AFP|Europe/.test(text), 'the card did not open over the frame\'s highlight');
    },
  },
  {
    name: 'embedded article: a reused paragraph in a same-origin embed (srcdoc frame) beside the page\'s own article is highlighted in the frame',
    async run(t) {
      const { own, reused } = demoParts(t);
      const embed = `<iframe srcdoc="${`<!doctype html><html lang=fr><body><blockquote>${reused}</blockquote></body></html>`.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" style="width:900px;height:500px;border:0"></iframe>`;
      await open(t.page, t.server.put('/live/frames/embed.html', shell(`${NAV}<main><article><h1>Le sommet</h1>${own}${embed}</article></main>`)));
      assert((await waitForRecoupe(t.page)) === 'done', 'the page with an embed did not end as a done run');
      const frame = t.page.frames().find((f) => f !== t.page.mainFrame());
      assert(frame !== undefined, 'no embed frame');
      await until('the embed has no highlight of the reused paragraph', () => frame!.evaluate(frameView), (v) => v.texts.join(' ').includes(REUSED_START), 8_000);
    },
  },
  {
    name: 'embedded article: same-origin frames in an aside, a nav, a hidden block, an ad slot or comments, or titled as an ad, are never opened (no Recoupe world in them), while a frame in the article is read',
    async run(t) {
      const { own, reused } = demoParts(t);
      const quote = `<blockquote>${reused}</blockquote>`;
      const outside = Object.entries(PASSED_OVER).map(([name, wrap]) => wrap(srcdocFrame(name, quote))).join('');
      const html = shell(`${NAV}<main><article><h1>Le sommet</h1>${own}${srcdocFrame('in-article', quote)}</article>${outside}</main>`);
      // The browser reports each script world it sets up, with its frame: reading a frame's document
      // from the page's content script sets up Recoupe's world in that frame (no script of Recoupe runs in frames).
      const cdp = await t.context.newCDPSession(t.page);
      const worlds: { frameId: string; origin: string; name: string }[] = [];
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData as { frameId?: string; type?: string } | undefined;
        if (aux?.type === 'isolated' && aux.frameId) worlds.push({ frameId: aux.frameId, origin: context.origin, name: context.name });
      });
      await cdp.send('Runtime.enable');
      await open(t.page, t.server.put('/live/frames/passed-over.html', html));
      assert((await waitForRecoupe(t.page)) === 'done', 'the page with frames did not end as a done run');
      const read = t.page.frames().find((f) => f.name() === 'in-article');
      assert(read !== undefined, 'no frame in the article');
      await until('the frame in the article has no highlight of the reused paragraph', () => read!.evaluate(frameView), (v) => v.texts.join(' ').includes(REUSED_START), 8_000);

      const { frameTree } = await cdp.send('Page.getFrameTree');
      const names = new Map((frameTree.childFrames ?? []).map((c) => [c.frame.id, c.frame.name ?? '']));
      const ours = worlds.filter((w) => w.origin.startsWith(`chrome-extension://${t.extensionId}`));
      const opened = [...new Set(ours.map((w) => names.get(w.frameId)).filter((n) => n !== undefined))].sort();
      assert(opened.includes('in-article'), `no Recoupe world set up in the article's frame (worlds: ${JSON.stringify(worlds)})`);
      assert(opened.length === 1, `frames outside the article were opened: ${opened.join(', ')}`);
      // Their text, the same reused paragraph, was not matched: nothing of Recoupe shows in them.
      for (const name of Object.keys(PASSED_OVER)) {
        const frame = t.page.frames().find((f) => f.name() === name);
        assert(frame !== undefined, `no frame ${name}`);
        const seen = await frame!.evaluate(frameView);
        assert(seen.names.length === 0 && seen.texts.length === 0, `the frame ${name} shows highlights: ${JSON.stringify(seen)}`);
      }
      await cdp.detach();
    },
  },
];
