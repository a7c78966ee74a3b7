import { assert } from './lib/expect';
import { fixture, open } from './lib/fixture-pages';
import { expectDone, passageCount } from './lib/page';
import type { E2eTest } from './lib/types';

interface Version {
  versionId: string;
  scriptURL: string;
  runningStatus: string;
}

export const tests: E2eTest[] = [
  {
    name: 'stopped service worker: the next page starts it again and is still matched',
    async run(t) {
      // Chromium stops an idle extension worker after ~30 s; stopping it here exercises the same cold start.
      await (await t.serviceWorker()).evaluate(() => {
        (globalThis as unknown as { __recoupeWarm?: boolean }).__recoupeWarm = true;
      });
      const extPage = await t.newPage();
      await extPage.goto(`chrome-extension://${t.extensionId}/popup.html`);
      const cdp = await t.context.newCDPSession(extPage);
      const versions: Version[] = [];
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => versions.push(...(e.versions as Version[])));
      await cdp.send('ServiceWorker.enable');
      await extPage.waitForTimeout(300);
      const ours = (v: Version) => v.scriptURL.startsWith(`chrome-extension://${t.extensionId}/`);
      const running = versions.filter((v) => ours(v) && v.runningStatus === 'running');
      assert(running.length, `extension worker not listed as running (${JSON.stringify(versions)})`);
      for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      for (let i = 0; !versions.some((v) => ours(v) && v.runningStatus === 'stopped'); i++) {
        assert(i < 50, 'service worker did not stop');
        await extPage.waitForTimeout(100);
      }
      await extPage.close();

      await open(t.page, fixture(t, 'reuses').url);
      await expectDone(t.page);
      const count = await passageCount(t.page);
      assert(count > 0, `no passage after the worker restarted (${count} passages drawn)`);
      const warm = await (await t.serviceWorker()).evaluate(() => (globalThis as unknown as { __recoupeWarm?: boolean }).__recoupeWarm ?? false);
      assert(!warm, 'the worker that answered is the one that was meant to be stopped');
    },
  },
];
