import { assert } from '../e2e/lib/expect';
import { demoParts, NAV, REUSED_START, shell } from '../e2e/lib/live';
import { ask, openAnalysed, poll, waitForAnalysis } from './lib/extension';
import type { FirefoxTest } from './lib/types';

export const tests: FirefoxTest[] = [
  {
    name: 'frames: an article in a same-origin reader frame is highlighted in the frame\'s own document, and "add this page" reads it',
    async run(t) {
      const { article } = demoParts(t);
      t.server.put('/ff/frames/reader.html', shell(`<main>${article}</main>`));
      const url = t.server.put('/ff/frames/top.html', shell(`${NAV}<iframe src="/ff/frames/reader.html" style="width:1000px;height:700px;border:0"></iframe>`));
      const { tabId, probe } = await openAnalysed(t, url);
      // The first run may come before the frame has loaded its article; the frame's load brings another.
      await poll(async () => ((await waitForAnalysis(probe, tabId)).status === 'done' ? true : undefined), 10_000, async () => `analysis ended "${(await waitForAnalysis(probe, tabId)).status}", expected "done"`);
      const frame = t.page.frames().find((f) => f.url().endsWith('/ff/frames/reader.html'));
      assert(frame !== undefined, 'no reader frame');
      const texts = await poll(
        async () => {
          const seen = await frame!.evaluate(() =>
            [...CSS.highlights].filter(([n]) => n.startsWith('recoupe-')).flatMap(([, h]) => [...h] as Range[]).map((r) => r.toString()),
          );
          return seen.join(' ').includes(REUSED_START) ? seen : undefined;
        },
        8_000,
        () => 'the frame has no highlight of the reused paragraph',
      );
      assert(texts.length > 0, 'no highlight in the frame');
      // The article is read by a script the background runs in the tab, frames included.
      const added = await ask(probe, 'add-page-to-corpus', { tabId });
      try {
        assert(added.dispatch !== undefined, `the page was not added: ${JSON.stringify(added)}`);
      } finally {
        // The next tests match pages against the bundled corpus alone: the added page goes again.
        await ask(probe, 'remove-dispatches', { ids: [added.dispatch.id] });
      }
    },
  },
];
