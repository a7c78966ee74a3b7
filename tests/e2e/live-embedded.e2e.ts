import { assert } from './lib/expect';
import { open } from './lib/fixture-pages';
import { demoParts, NAV, REUSED_START, shell, until } from './lib/live';
import { pageReport, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

/** Texts of the ranges of Recoupe's highlights that lie inside a shadow root, read as a page script could. */
const shadowHighlightTexts = () =>
  [...CSS.highlights]
    .filter(([n]) => n.startsWith('recoupe-'))
    .flatMap(([, h]) => [...h] as Range[])
    .filter((r) => r.startContainer.getRootNode() instanceof ShadowRoot)
    .map((r) => r.toString());

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
];
