import markdownit, { type MarkdownIt, type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown';
import { hostileSaved } from './test-support';

const now = new Date('2026-03-04T05:06:07.000Z');

/** A CommonMark renderer that trusts every link, as a naive one would: the report must not rely on it. */
function naiveRenderer(): MarkdownIt {
  const md = markdownit({ html: true, linkify: false });
  md.validateLink = () => true;
  return md;
}

function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((tok) => [tok, ...flatten(tok.children ?? [])]);
}

describe('Markdown report of hostile comparisons', () => {
  const records = hostileSaved();
  const md = toMarkdown(records, now);
  const tokens = naiveRenderer().parse(md, {});
  const all = flatten(tokens);

  it('has no link other than http(s)', () => {
    const hrefs = all.filter((tok) => tok.type === 'link_open' || tok.type === 'image').map((tok) => String(tok.attrGet('href') ?? tok.attrGet('src') ?? ''));
    expect(hrefs.filter((h) => !/^https?:\/\//.test(h))).toEqual([]);
    expect(hrefs).toContain('https://news.example/ok?a=1&b=2');
  });

  it('has no raw HTML element', () => {
    expect(all.filter((tok) => tok.type === 'html_block' || tok.type === 'html_inline').map((tok) => tok.content)).toEqual([]);
    const html = naiveRenderer().render(md);
    expect(html).not.toMatch(/<(script|div|img|iframe|a href="(?!https?:)|b>|i>|svg)/);
  });

  it('keeps one section per comparison: one level-2 heading each, separated by thematic breaks', () => {
    const headings = tokens.filter((tok) => tok.type === 'heading_open');
    expect(headings.map((h) => h.tag)).toEqual(['h1', ...records.map(() => 'h2')]);
    const titles = tokens.filter((tok, i) => tokens[i - 1]?.type === 'heading_open' && tokens[i - 1].tag === 'h2').map((tok) => tok.content);
    expect(titles.map((s) => /^(\d+)\\?\. /.exec(s)?.[1])).toEqual(records.map((_, i) => String(i + 1)));
    expect(tokens.filter((tok) => tok.type === 'hr')).toHaveLength(records.length);
    // Each section keeps its list of facts at the top level, not inside a quote.
    const lists = tokens.filter((tok) => tok.type === 'bullet_list_open' && tok.level === 0);
    expect(lists.length).toBeGreaterThanOrEqual(records.length);
  });

  it('shows the hostile text as text: the reader still sees what the file said', () => {
    const html = naiveRenderer().render(md);
    expect(html).toContain('javascript:alert(document.domain)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('\u202E');
  });
});
