import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { extractFromHtml } from './from-html';
import { rangesFor } from './ranges';
import { coveredTextOf, domTextOf, pieceProblems } from './test-helpers';

const LOREM =
  'The regional council approved the new budget on Tuesday after a long debate about school funding, road repairs and the future of the ferry service. ' +
  'Several members argued that the plan did not go far enough, while others warned that taxes could rise next year if revenue fell short of forecasts. ' +
  'The mayor said the compromise was the best available and promised a review in the spring.';

function page(body: string, title = 'Test page'): string {
  return `<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`;
}

const nav = `<nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Section number ${i} of the site</a></li>`).join('')}</ul></nav>`;

describe('extractArticle on synthetic pages', () => {
  it('returns null for a page of navigation only', () => {
    const links = Array.from({ length: 60 }, (_, i) => `<li><a href="/a${i}">A long link title for story number ${i} today</a></li>`).join('');
    expect(extractFromHtml(page(`${nav}<div class="content"><ul>${links}</ul></div>`))).toBeNull();
  });

  it('returns null for a search results page of linked headlines and snippets', () => {
    const results = Array.from(
      { length: 10 },
      (_, i) => `<div class="result"><h3><a href="/r${i}">Result number ${i} about the council budget</a></h3><p>Snippet ${i}: the council approved the budget after a long debate about schools, roads and the ferry.</p></div>`,
    ).join('');
    expect(extractFromHtml(page(`<main>${results}</main>`))).toBeNull();
  });

  it('keeps a 100-word news brief', () => {
    const brief = `${LOREM} Officials expect the first payments to reach schools before the end of the month, and road crews to start work on the coastal route in early summer.`;
    const words = brief.split(/\s+/).length;
    expect(words).toBeGreaterThanOrEqual(90);
    expect(words).toBeLessThanOrEqual(110);
    const a = extractFromHtml(page(`${nav}<article><h1>Council passes budget</h1><p>${brief}</p></article><footer><p>Copyright notice and legal information for the whole site.</p></footer>`));
    expect(a).not.toBeNull();
    expect(a!.title).toBe('Council passes budget');
    expect(a!.text).toBe(`Council passes budget\n\n${brief}`);
    expect(a!.words).toBe(words + 3);
  });

  it('returns null below about 80 words', () => {
    expect(extractFromHtml(page(`<article><p>${LOREM.split(' ').slice(0, 60).join(' ')}</p></article>`))).toBeNull();
  });

  it('joins nested inline markup without separators and maps slices across it', () => {
    const html = page(
      `<article><p>In a statement, the <a href="/m">minister <em>said <strong>on</strong> Mon</em>day</a> that the talks would resume. ${LOREM}</p><p>${LOREM}</p></article>`,
    );
    const { document } = parseHTML(html);
    const a = extractArticle(document as unknown as Document)!;
    expect(a.text.startsWith('In a statement, the minister said on Monday that the talks would resume. The regional')).toBe(true);
    expect(pieceProblems(a)).toEqual([]);
    const start = a.text.indexOf('minister said on Monday');
    const end = start + 'minister said on Monday'.length;
    const slices = rangesFor(a, start, end);
    expect(slices.map((s) => s.node.data.slice(s.startOffset, s.endOffset))).toEqual(['minister ', 'said ', 'on', ' Mon', 'day']);
    expect(slices.map((s) => s.node.parentNode?.nodeName.toLowerCase())).toEqual(['a', 'em', 'strong', 'em', 'a']);
  });

  it('turns <br> into a line break and blocks into blank lines', () => {
    const a = extractFromHtml(page(`<div class="article-body"><p>First line<br>second line <br/> third line</p><p>${LOREM}</p><div>${LOREM}</div></div>`))!;
    expect(a.text.startsWith('First line\nsecond line\nthird line\n\nThe regional council')).toBe(true);
    expect(a.text).toContain('in the spring.\n\nThe regional council');
    expect(pieceProblems(a)).toEqual([]);
  });

  it('collapses whitespace like a browser and keeps every piece exact', () => {
    const a = extractFromHtml(page(`<article><p>\n   Spaced\t\nout   <b> bold </b>  words\u00a0kept.  </p><p>${LOREM}</p><p>${LOREM}</p></article>`))!;
    expect(a.text.startsWith('Spaced out bold words\u00a0kept.\n\n')).toBe(true);
    expect(pieceProblems(a)).toEqual([]);
    const end = a.text.indexOf('\n');
    expect(domTextOf(a, 0, end)).toBe(coveredTextOf(a, 0, end));
    // The space after "Spaced" came from "\t\n": no plain space to point at, so it has no piece.
    expect(coveredTextOf(a, 0, end)).toBe('Spacedout bold words\u00a0kept.');
  });

  it('leaves out hidden nodes', () => {
    const a = extractFromHtml(
      page(`<article><p>${LOREM}</p>
        <p hidden>SECRET-HIDDEN attribute text that must not appear in the article text at all.</p>
        <p aria-hidden="true">SECRET-ARIA text that must not appear in the article text at all, ever.</p>
        <div style="color: red; display: none"><p>SECRET-DISPLAY text that must not appear in the article text at all.</p></div>
        <p style="visibility:hidden">SECRET-VISIBILITY text that must not appear in the article text at all.</p>
        <p>Visible <span style="display:none">SECRET-INLINE</span>ending paragraph of the story with enough words to count.</p>
        <script>var SECRET_SCRIPT = 1;</script><template><p>SECRET-TEMPLATE text</p></template><noscript>SECRET-NOSCRIPT</noscript>
        <p>${LOREM}</p></article>`),
    )!;
    expect(a).not.toBeNull();
    expect(a.text).not.toMatch(/SECRET/);
    expect(a.text).toContain('Visible ending paragraph of the story');
  });

  it('extracts right-to-left text', () => {
    const ar = 'قال وزير الخارجية يوم الثلاثاء إن المحادثات بين البلدين ستستأنف الأسبوع المقبل في العاصمة، مؤكدا أن الحكومة ملتزمة بالتوصل إلى اتفاق شامل ينهي الخلافات القائمة منذ سنوات طويلة.';
    const body = `<article dir="rtl"><h1>المحادثات تستأنف</h1>${Array.from({ length: 4 }, () => `<p>${ar}</p>`).join('')}</article>`;
    const a = extractFromHtml(`<!doctype html><html lang="ar" dir="rtl"><head><title>خبر</title></head><body>${body}</body></html>`)!;
    expect(a).not.toBeNull();
    expect(a.title).toBe('المحادثات تستأنف');
    expect(a.text).toContain(ar);
    expect(pieceProblems(a)).toEqual([]);
  });

  it('extracts Chinese text and counts each character as a word', () => {
    const zh = '外交部发言人星期二表示，两国之间的谈判将于下周在首都恢复，政府致力于达成一项全面协议，以结束多年来存在的分歧。';
    const a = extractFromHtml(page(`<article><h1>谈判将恢复</h1><p>${zh}</p><p>${zh}</p><p>${zh}</p></article>`))!;
    expect(a).not.toBeNull();
    expect(a.text).toContain(zh);
    expect(a.words).toBeGreaterThan(100);
    expect(pieceProblems(a)).toEqual([]);
  });

  it('leaves out comment, share and related blocks inside the article', () => {
    const a = extractFromHtml(
      page(`<article class="story"><p>${LOREM}</p><div class="share-tools">Share this story on your favourite social network today</div>
        <div class="related-links"><p>JUNK-RELATED paragraph that is long enough to look like prose but sits in a related block.</p></div>
        <p>${LOREM}</p><section id="comments"><p>JUNK-COMMENT a reader wrote a long comment that is not part of the story itself.</p></section></article>`),
    )!;
    expect(a.text).not.toMatch(/JUNK|Share this story/);
    expect(a.text.split(LOREM).length).toBe(3);
  });

  it('caps the text at maxChars and says so', () => {
    const html = page(`<article>${Array.from({ length: 50 }, () => `<p>${LOREM}</p>`).join('')}</article>`);
    const a = extractFromHtml(html, { maxChars: 1000 })!;
    expect(a.text.length).toBeLessThanOrEqual(1002);
    expect(a.truncated).toBe(true);
    expect(pieceProblems(a)).toEqual([]);
    expect(extractFromHtml(html)!.truncated).toBeUndefined();
  });

  it('does not modify the page', () => {
    const html = page(`${nav}<article><h1>Title</h1><p>${LOREM}</p><p hidden>x</p><p>${LOREM}</p></article>`);
    const { document } = parseHTML(html);
    const before = document.documentElement.outerHTML;
    extractArticle(document as unknown as Document);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle on a giant page', () => {
  it('stops measuring after the node budget and marks the article truncated', () => {
    const para = '<p>The council approved the <a href="#">budget</a> after a <em>long</em> debate, with several amendments, on Tuesday evening.</p>';
    const html = page(`<article>${para.repeat(40_000)}</article>`);
    const { document } = parseHTML(html);
    const t0 = performance.now();
    const a = extractArticle(document as unknown as Document, { maxChars: Number.POSITIVE_INFINITY })!;
    const ms = performance.now() - t0;
    expect(a.truncated).toBe(true);
    const paragraphs = a.text.split('\n\n').length;
    expect(paragraphs).toBeGreaterThan(10_000);
    expect(paragraphs).toBeLessThan(40_000);
    expect(pieceProblems(a)).toEqual([]);
    console.log(`giant page (40,000 paragraphs): ${ms.toFixed(0)} ms`);
  }, 60_000);
});

describe('extractArticle and forms', () => {
  it('skips a sign-up form but reads a page wrapped whole in a form', () => {
    const signup = '<form><p>JUNK-FORM Sign up to our newsletter to receive the best stories of the day in your inbox.</p><input name="email"></form>';
    const body = `<article><p>${LOREM}</p>${signup}<p>${LOREM}</p></article>`;
    const inline = extractFromHtml(page(body))!;
    expect(inline.text).not.toContain('JUNK-FORM');
    const wrapped = extractFromHtml(page(`<form id="aspnetForm">${nav}<article><p>${LOREM}</p><p>${LOREM}</p><p>${LOREM}</p></article></form>`))!;
    expect(wrapped).not.toBeNull();
    expect(wrapped.text.split(LOREM).length).toBe(4);
  });
});

describe('extractArticle and class hints', () => {
  it('keeps inline elements whatever their class, and sections whose id is a heading slug', () => {
    const a = extractFromHtml(
      page(`<article><p>${LOREM}</p><p>This <a class="popup share" href="#">appeal to my fellow-feeling</a> was hardly to be resisted by anyone in the office that day.</p>
        <div class="section" id="sharing-with-a-single-developer"><p>KEPT-SLUG ${LOREM}</p></div>
        <div id="share"><p>JUNK-SHARE Share this article with your friends and family on every network you use.</p></div></article>`),
    )!;
    expect(a.text).toContain('This appeal to my fellow-feeling was hardly to be resisted');
    expect(a.text).toContain('KEPT-SLUG');
    expect(a.text).not.toContain('JUNK-SHARE');
  });
});

describe('extractArticle and the title', () => {
  it('takes the h1 of a <header> inside the article, inline markup included, and nothing else of it', () => {
    const a = extractFromHtml(
      page(`<article><header><h1><span>Council</span> passes <em>budget</em></h1><p class="byline">JUNK-HEADER By a reporter</p></header><p>${LOREM}</p><p>${LOREM}</p></article>`),
    )!;
    expect(a.title).toBe('Council passes budget');
    expect(a.text.startsWith(`Council passes budget\n\n${LOREM}`)).toBe(true);
    expect(a.text).not.toContain('JUNK-HEADER');
    expect(pieceProblems(a)).toEqual([]);
  });
});
