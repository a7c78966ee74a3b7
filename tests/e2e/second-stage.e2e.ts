import type { Worker } from 'playwright-core';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import { open } from './lib/fixture-pages';
import { until } from './lib/live';
import { ndjson, paragraphs, resetCorpus, RETOLD } from './lib/municipal-corpus';
import { allHighlightTexts, optionsPage, pageReport, tabIdOf, tabRuns, waitForRecoupe } from './lib/page';
import type { E2eTest } from './lib/types';

type Mark = { what: string; at: number };
type Sent = { tab: number; type: string | undefined; at: number };

/** The worker's messages to tabs from now on, kept in the worker for `sentToTabs` to read. */
async function recordTabMessages(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    type Send = (...args: unknown[]) => unknown;
    const g = globalThis as unknown as { __recoupeE2eSent?: Sent[]; __recoupeE2eSend?: Send; chrome: { tabs: { sendMessage: Send } } };
    if (g.__recoupeE2eSent) return;
    const sent: Sent[] = (g.__recoupeE2eSent = []);
    const tabs = g.chrome.tabs;
    const send = (g.__recoupeE2eSend = tabs.sendMessage);
    tabs.sendMessage = (...args: unknown[]) => {
      sent.push({ tab: args[0] as number, type: (args[1] as { type?: string } | undefined)?.type, at: Date.now() });
      return send.apply(tabs, args);
    };
  });
}

/**
 * Watches, in the worker, which page the tab's result is about: once it is no longer `url`, any
 * moment it is about `url` again is recorded (a result of the page left, stored after it was left).
 */
async function watchTabResult(sw: Worker, tabId: number, url: string): Promise<void> {
  await sw.evaluate(
    ({ id, left }) => {
      const g = globalThis as unknown as { recoupeDebug: { urlOf(id: number): string | undefined }; __recoupeE2eBack?: number[]; __recoupeE2eWatch?: ReturnType<typeof setInterval> };
      const back: number[] = (g.__recoupeE2eBack = []);
      let moved = false;
      g.__recoupeE2eWatch = setInterval(() => {
        if (g.recoupeDebug.urlOf(id) !== left) moved = true;
        else if (moved) back.push(Date.now());
      }, 1);
    },
    { id: tabId, left: url },
  );
}

function resultBack(sw: Worker): Promise<number[]> {
  return sw.evaluate(() => [...((globalThis as unknown as { __recoupeE2eBack?: number[] }).__recoupeE2eBack ?? [])]);
}

/** Puts the worker's own sendMessage back and stops watching the tab. */
async function stopRecording(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = globalThis as unknown as { __recoupeE2eSent?: unknown; __recoupeE2eSend?: unknown; chrome: { tabs: { sendMessage: unknown } } };
    if (g.__recoupeE2eSend) g.chrome.tabs.sendMessage = g.__recoupeE2eSend;
    clearInterval((g as { __recoupeE2eWatch?: ReturnType<typeof setInterval> }).__recoupeE2eWatch);
    delete g.__recoupeE2eSend;
    delete g.__recoupeE2eSent;
  });
}

function sentToTabs(sw: Worker): Promise<Sent[]> {
  return sw.evaluate(() => [...((globalThis as unknown as { __recoupeE2eSent?: Sent[] }).__recoupeE2eSent ?? [])]);
}

/** Dispatches imported: above the size from which a page's copies are answered before its same facts. */
const IMPORTED = 2_100;
/** The imported dispatch the first page copies a paragraph of. */
const COPIED = 1_234;

const page = (title: string, paragraphsOf: string[]) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title><meta property="article:published_time" content="2021-12-08T07:30:00+01:00"></head><body><article><h1>${title}</h1>${paragraphsOf.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

export const tests: E2eTest[] = [
  {
    name: 'second stage: a tab that moved to another page before the same facts of its first page were found is not told to draw them',
    timeoutMs: 240_000,
    async run(t) {
      try {
        const options = await optionsPage(t);
        const summary = await ask(options, 'import-ndjson', { text: ndjson(IMPORTED, 'etape'), mode: 'extend' });
        assert(summary.added === IMPORTED, `import added ${summary.added}`);
        const sw = await t.serviceWorker();
        const trace = () => sw.evaluate(() => (globalThis as unknown as { recoupeDebug: { corpusTrace(): Mark[] } }).recoupeDebug.corpusTrace());

        const own = 'La rédaction rappelle que le dossier avait déjà fait l’objet de deux recours devant le tribunal administratif, tous deux rejetés au printemps dernier pour vice de forme.';
        const first = t.server.put('/second-stage/first.html', page('Le conseil tranche', [...paragraphs(COPIED), own, RETOLD]));
        // A page with no article: it asks for no match, so any redraw sent to the tab is the first page's.
        const second = `${t.server.origin}/fixtures/nav-only.html`;
        await recordTabMessages(sw);
        const openedAt = Date.now();
        await open(t.page, first);
        // The first stage: the copies, drawn; the same facts are still being looked for.
        const report = await until('the first page was not drawn', () => pageReport(t.page), (r) => r.state === 'done' && (r.drawn?.passages ?? 0) > 0, 30_000);
        const tabId = await tabIdOf(t, t.page);
        await watchTabResult(sw, tabId, first);
        const leftAt = Date.now();
        await open(t.page, second);
        const ended = (await trace()).filter((m) => m.at >= openedAt && m.at <= leftAt && m.what === 'aligned');
        assert(ended.length === 0, `the same facts of the first page were found before it was left (${report.drawn?.passages} passages drawn): nothing to test`);

        assert((await waitForRecoupe(t.page)) === 'no-article', 'the second page did not end as a run without article');
        const { runs } = await tabRuns(t.page);
        // Time for the first page's second stage to end, had it gone on: it had started or was due to start.
        await until('no second stage ended', trace, (marks) => marks.some((m) => m.at > leftAt && m.what === 'aligned'), 5_000).catch(() => undefined);
        await t.page.waitForTimeout(1_500);

        t.log(`corpus steps since the first page opened: ${(await trace()).filter((m) => m.at >= openedAt).map((m) => `${m.at - openedAt} ms ${m.what}`).join(', ')}; left it at ${leftAt - openedAt} ms`);
        const redraws = (await sentToTabs(sw)).filter((m) => m.tab === tabId && m.at >= leftAt && m.type === 'recoupe:corpus-changed');
        assert(redraws.length === 0, `the tab was told to draw again after it moved on: ${JSON.stringify(redraws)}`);
        const back = await resultBack(sw);
        assert(back.length === 0, `the tab's result was about the page it left again, ${back[0] - leftAt} ms after it left`);
        const after = await tabRuns(t.page);
        assert(after.url === undefined || after.url === t.page.url(), `the tab's result is about ${after.url}, not the page it shows (${t.page.url()})`);
        assert(after.runs === runs, `the second page matched again (${runs} runs, then ${after.runs})`);
        const shown = await pageReport(t.page);
        assert(shown.state === 'no-article', `the second page's state is ${JSON.stringify(shown)}`);
        assert((await allHighlightTexts(t.page)).length === 0, 'highlights on the second page');
      } finally {
        await stopRecording(await t.serviceWorker()).catch(() => undefined);
        await resetCorpus(t);
      }
    },
  },
];
