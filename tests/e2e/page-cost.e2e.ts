import { assert } from './lib/expect';
import { hoverHighlight, waitForCardElement } from './lib/card';
import { open } from './lib/fixture-pages';
import { expectDone, passageCount, recoupeHighlightSizes, uiLoadsOf, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

export const tests: E2eTest[] = [
  {
    name: 'page cost: pages with nothing to show run the bootstrap only; the demo page gets the drawing half once, with highlights and card',
    timeoutMs: 45_000,
    async run(t) {
      // Every extension script evaluated in the tab, as the debugger sees them (isolated worlds included).
      const cdp = await t.context.newCDPSession(t.page);
      const parsed: string[] = [];
      cdp.on('Debugger.scriptParsed', (e) => {
        if (e.url.startsWith('chrome-extension://')) parsed.push(new URL(e.url).pathname);
      });
      await cdp.send('Debugger.enable');

      const bare = [
        [`${t.server.origin}/fixtures/nav-only.html`, 'no-article'],
        [`${t.server.origin}/fixtures/original-article.html`, 'done'],
      ] as const;
      for (const [url, wanted] of bare) {
        await open(t.page, url);
        const state = await waitForRecoupe(t.page);
        assert(state === wanted, `${url}: state ${state}, expected ${wanted}`);
        if (state === 'done') assert((await passageCount(t.page)) === 0, `${url}: passages drawn on a page sharing no text`);
        const loads = await uiLoadsOf(t.page);
        assert(loads.length === 0, `${url}: the drawing half was injected into ${JSON.stringify(loads)}`);
        assert(Object.keys(await recoupeHighlightSizes(t.page)).length === 0, `${url}: highlights on a page with nothing to show`);
      }
      const bootstrap = '/content-boot.js';
      assert(parsed.filter((p) => p === bootstrap).length === bare.length, `bootstrap not evaluated once per page: ${JSON.stringify(parsed)}`);
      assert(!parsed.some((p) => p !== bootstrap), `scripts other than the bootstrap evaluated on bare pages: ${JSON.stringify(parsed)}`);

      const demo = `${t.server.origin}/fixtures/demo-article.html`;
      await open(t.page, demo);
      await expectDone(t.page);
      const loads = (await uiLoadsOf(t.page)).filter((u) => u === demo);
      assert(loads.length === 1, `the drawing half was injected ${loads.length} times into the demo page`);
      assert(parsed.filter((p) => p === '/content-ui.js').length === 1, `drawing half evaluated: ${JSON.stringify(parsed)}`);
      const sizes = await recoupeHighlightSizes(t.page);
      assert((sizes['recoupe-verbatim'] ?? 0) > 0, `demo highlights: ${JSON.stringify(sizes)}`);
      await hoverHighlight(t.page, 'recoupe-verbatim');
      await waitForCardElement(t.page, '[data-testid=open-comparison]');
      await cdp.detach();
    },
  },
];
