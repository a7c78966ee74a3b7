import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask } from './lib/background';
import { assert, collapse } from './lib/expect';
import { open } from './lib/fixture-pages';
import { expectDone, highlightTexts, openView } from './lib/page';
import type { E2eTest, TestContext } from './lib/types';

interface Pair {
  date: string;
  en: { url: string; sentences: string[] };
  fr: { url: string; sentences: string[] };
}

/** The WHO Director-General's remarks of 17 February 2020: English original, French translation. */
function who(t: TestContext): Pair {
  return JSON.parse(readFileSync(join(t.repoRoot, 'tests/eval/translations/who-2020-02-17.json'), 'utf8')) as Pair;
}

function paragraphs(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const tests: E2eTest[] = [
  {
    name: 'translation: a French page translating an English dispatch gets a translated verdict, highlights and each sentence beside its original',
    timeoutMs: 60_000,
    async run(t) {
      const pair = who(t);
      const options = await t.newPage();
      await options.goto(`chrome-extension://${t.extensionId}/options.html`);
      try {
        const dispatch = { id: 'who-en-2020-02-17', outlet: 'WHO', origin: 'WHO', chain: ['WHO'], language: 'en', date: pair.date, title: 'WHO Director-General remarks, 17 February 2020', url: pair.en.url, paragraphs: paragraphs(pair.en.sentences) };
        const summary = await ask(options, 'import-ndjson', { text: JSON.stringify(dispatch), mode: 'extend' });
        assert(summary.added === 1, `import: ${JSON.stringify(summary)}`);

        const body = paragraphs(pair.fr.sentences).map((p) => `<p>${escape(p)}</p>`).join('');
        const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Point presse de l’OMS</title><meta property="article:published_time" content="${pair.date}"></head><body><article><h1>Allocution du Directeur général de l’OMS</h1>${body}</article></body></html>`;
        const page = await t.newPage();
        await open(page, t.server.put('/translation/oms-fr.html', html));
        await expectDone(page);

        // Highlights: the translated sentences, in their own style.
        const lit = (await highlightTexts(page, 'recoupe-translated')).map(collapse).join(' ');
        const covered = pair.fr.sentences.filter((s) => lit.includes(collapse(s).slice(0, 40)));
        assert(covered.length >= pair.fr.sentences.length - 1, `${covered.length}/${pair.fr.sentences.length} sentences lit as translated: ${lit.slice(0, 200)}`);

        // Popup: a translated verdict naming the original's outlet and language.
        const popup = await openView(t, 'popup', page);
        await popup.waitForSelector('[data-testid=verdict-item][data-relation=translated]', { timeout: 15_000 });
        const verdict = (await popup.textContent('[data-testid=verdict-item][data-relation=translated]')) ?? '';
        assert(/(Translation of WHO \(English\)|Traduction de WHO \(anglais\))/.test(verdict), `verdict reads "${verdict}"`);

        // Side panel: a translated sentence beside its original, no word diff.
        const view = await openView(t, 'sidepanel', page);
        await view.waitForSelector('[data-testid=passage-item][data-kind=translated]', { timeout: 15_000 });
        const items = view.locator('[data-testid=passage-item][data-kind=translated]');
        const probe = 'la Chine a notifié à l';
        const n = await items.count();
        let clicked = false;
        for (let i = 0; i < n && !clicked; i++) {
          if (((await items.nth(i).textContent()) ?? '').includes(probe)) {
            await items.nth(i).click();
            clicked = true;
          }
        }
        assert(clicked, `no translated passage-item shows "${probe}" (${n} items)`);
        await view.waitForSelector('[data-testid=translation-pair]', { timeout: 5_000 });
        const side = async (s: string) => collapse((await view.textContent(`[data-testid=translation-pair] [data-side=${s}] p`)) ?? '');
        assert((await side('page')).startsWith('À 6 h ce matin'), `page side: ${await side('page')}`);
        assert((await side('dispatch')) === collapse(pair.en.sentences[2]), `original side: ${await side('dispatch')}`);
        assert((await view.locator('[data-testid=diff-view]').count()) === 0, 'a word diff is drawn across two languages');
        await view.setViewportSize({ width: 900, height: 900 });
        await view.screenshot({ path: join(t.artifactsDir, 'translation-pair.png') });
        await popup.screenshot({ path: join(t.artifactsDir, 'translation-verdict.png') });
        await page.screenshot({ path: join(t.artifactsDir, 'translation-page.png') });
      } finally {
        await ask(options, 'restore-bundled', {});
        await options.close();
      }
    },
  },
];
