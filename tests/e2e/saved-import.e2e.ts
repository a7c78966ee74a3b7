import { readFileSync } from 'node:fs';
import markdownit, { type Token } from 'markdown-it';
import { toJsonExport } from '../../saved/export-json';
import { hostileSaved } from '../../saved/test-support';
import { ask } from './lib/background';
import { assert } from './lib/expect';
import type { E2eTest } from './lib/types';

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((tok) => [tok, ...flatten(tok.children ?? [])]);
}

export const tests: E2eTest[] = [
  {
    name: 'saved: a hostile export imports whole, with javascript: and data: addresses as text, and exports as Markdown without links or HTML',
    timeoutMs: 60_000,
    async run(t) {
      const records = hostileSaved();
      const view = await t.newPage();
      await view.goto(`chrome-extension://${t.extensionId}/saved.html`);
      await view.waitForSelector('main[data-state=ready]', { timeout: 10_000 });
      const before = (await ask(view, 'list-saved', {})).map((r) => r.id);
      try {
        const json = toJsonExport(records, new Date());
        await view.setInputFiles('[data-testid=import-file]', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(json, 'utf8') });
        await view.waitForSelector('[data-testid=saved-notice], .rc-error', { timeout: 15_000 });
        const notice = (await view.textContent('[data-testid=saved-notice]').catch(() => null)) ?? (await view.textContent('.rc-error'));
        const textOnly = records.filter((r) => !/^https?:\/\/[^\s<>]+$/.test(r.page.url)).length;
        assert(notice?.includes(`${records.length} added`) && notice.includes(`${textOnly} comparisons have a page address that is not a web address`), `notice: ${notice}`);
        for (const r of records) await view.waitForSelector(`[data-testid=saved-item][data-id="${r.id}"]`, { timeout: 10_000 });

        // No link of the view leads anywhere but the web; the other addresses are shown as text.
        const hrefs = await view.$$eval('[data-testid=saved-list] a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        assert(hrefs.length > 0 && hrefs.every((h) => /^https?:\/\//.test(h)), `links in the Saved view: ${JSON.stringify(hrefs)}`);
        const shownAsText = await view.$$eval('[data-testid=saved-page-address]', (els) => els.map((el) => el.textContent ?? ''));
        assert(shownAsText.length === textOnly && shownAsText.some((s) => s.includes('javascript:alert(document.domain)')), `addresses as text: ${JSON.stringify(shownAsText)}`);
        const list = (await view.textContent('[data-testid=saved-list]')) ?? '';
        assert(!list.includes('\u202E') && list.includes('PFA'), 'a right-to-left override reached the Saved view');

        const [download] = await Promise.all([view.waitForEvent('download'), view.click('[data-testid=export-markdown]')]);
        const md = readFileSync(await download.path(), 'utf8');
        const renderer = markdownit({ html: true, linkify: false });
        // A naive renderer trusts every link: the report must be safe without the renderer's own filter.
        renderer.validateLink = () => true;
        const tokens = renderer.parse(md, {});
        const all = flatten(tokens);
        const links = all.filter((tok) => tok.type === 'link_open' || tok.type === 'image').map((tok) => String(tok.attrGet('href') ?? tok.attrGet('src')));
        assert(links.every((h) => /^https?:\/\//.test(h)), `Markdown links: ${JSON.stringify(links)}`);
        const html = all.filter((tok) => tok.type === 'html_block' || tok.type === 'html_inline');
        assert(html.length === 0, `raw HTML in the Markdown: ${JSON.stringify(html.map((tok) => tok.content))}`);
        const stored = await ask(view, 'list-saved', {});
        const h2 = tokens.filter((tok) => tok.type === 'heading_open' && tok.tag === 'h2').length;
        const hr = tokens.filter((tok) => tok.type === 'hr').length;
        assert(h2 === stored.length && hr === stored.length, `${h2} sections and ${hr} breaks for ${stored.length} comparisons`);
      } finally {
        const added = (await ask(view, 'list-saved', {})).map((r) => r.id).filter((id) => !before.includes(id));
        if (added.length > 0) await ask(view, 'delete-saved', { ids: added });
      }
    },
  },
];
