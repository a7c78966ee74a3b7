import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { frameDocuments, joinArticles, mayShowArticle, readPageArticle } from './page-article';
import { domTextOf, pieceProblems } from './test-helpers';

const P1 =
  'The regional council approved the new budget on Tuesday after a long debate about school funding, road repairs and the future of the ferry service.';
const P2 =
  'Several members argued that the plan did not go far enough, while others warned that taxes could rise next year if revenue fell short of forecasts.';
const P3 =
  'The mayor said the compromise was the best available, promised a review in the spring, and thanked the staff for their work on it, line by line.';
/** An article, with `inside` (frames) after its paragraphs. */
const articleHtml = (title: string, inside = '') => `<article><h1>${title}</h1><p>${P1}</p><p>${P2}</p><p>${P3} ${P1}</p><p>${P3}</p>${inside}</article>`;
const docOf = (body: string) => parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`).document as unknown as Document;

/** A page whose frames show the given documents (linkedom loads no frame: their documents are set by hand, null for a cross-origin one). */
function pageWithFrames(body: string, frames: (Document | null)[]): Document {
  const doc = docOf(body);
  doc.querySelectorAll('iframe').forEach((el, i) => Object.defineProperty(el, 'contentDocument', { value: frames[i] }));
  return doc;
}

const instant = { nextSlice: async () => undefined };

describe('reading a page with its same-origin frames', () => {
  it('lists same-origin frames in document order, a frame\'s own frames after it, and skips cross-origin ones', () => {
    const inner = docOf('<p>inner</p>');
    const middle = pageWithFrames('<iframe></iframe>', [inner]);
    const other = docOf('<p>other</p>');
    const top = pageWithFrames('<iframe></iframe><iframe></iframe><iframe></iframe>', [middle, null, other]);
    expect([...frameDocuments(top)]).toEqual([middle, inner, other]);
  });

  it('passes over frames that cannot show an article without touching their document: hidden, a pixel wide or an ad', () => {
    const shown = docOf(articleHtml('Shown'));
    const frames = [
      '<iframe style="display: none;"></iframe>',
      '<iframe hidden></iframe>',
      '<iframe aria-hidden="true" name="fb_xdm_frame"></iframe>',
      '<iframe width="0" height="0"></iframe>',
      '<iframe width="1px" height="90"></iframe>',
      '<iframe id="google_ads_iframe_/1/x_0" title="3rd party ad content" srcdoc="" width="300" height="250"></iframe>',
      '<iframe name="google_ads_iframe_/1/x_1" width="728" height="90"></iframe>',
      '<iframe class="sponsor-frame" width="728" height="90"></iframe>',
      '<iframe src="/reader.html" style="width:1000px;height:700px"></iframe>',
    ];
    const top = docOf(frames.join(''));
    const read: number[] = [];
    top.querySelectorAll('iframe').forEach((el, i) => Object.defineProperty(el, 'contentDocument', { get: () => (read.push(i), shown) }));
    expect([...frameDocuments(top)]).toEqual([shown]);
    // Only the reader frame, drawn large, was opened.
    expect(read).toEqual([frames.length - 1]);
  });

  it('keeps shown frames of any size above a pixel: about:blank, srcdoc, script-written, of the page\'s site or another', () => {
    const doc = docOf(
      '<iframe id="a"></iframe><iframe id="b" srcdoc="<p>x</p>"></iframe><iframe id="c" src="javascript:false" width="640"></iframe>' +
        '<iframe id="d" src="https://news.example/embed" height="10" style="border:0; width: 100%"></iframe><iframe id="e" width="10px" style="min-width: 1px"></iframe>',
    );
    for (const id of ['a', 'b', 'c', 'd', 'e']) expect(mayShowArticle(doc.getElementById(id)!), id).toBe(true);
  });

  it('passes over frames inside blocks the extraction leaves out: hidden, an aside, an ad slot, a comment thread', () => {
    const doc = docOf(
      '<div style="display: none"><div><iframe id="hidden" width="728" height="90"></iframe></div></div>' +
        '<aside><iframe id="aside"></iframe></aside>' +
        '<div class="ad-leader-top"><div id="slot__container__"><iframe id="ad" srcdoc="" width="728" height="90"></iframe></div></div>' +
        '<section id="comments"><iframe id="editor" title="editor"></iframe></section>' +
        '<form><p>One</p><p>Two</p><p>Three</p><div class="page"><iframe id="in-form"></iframe></div></form>' +
        '<article class="story-body"><div><iframe id="in-article" src="/embed/story.html"></iframe></div></article>',
    );
    const kept = ['hidden', 'aside', 'ad', 'editor', 'in-form', 'in-article'].filter((id) => mayShowArticle(doc.getElementById(id)!));
    expect(kept).toEqual(['in-form', 'in-article']);
  });

  it('reads the frames one slice each, so a page of many frames is never one long task', async () => {
    const frames = Array.from({ length: 5 }, () => docOf('<p>short</p>'));
    const top = pageWithFrames(articleHtml('Top', '<iframe></iframe>'.repeat(5)), frames);
    let slices = 0;
    const whole = await readPageArticle(top, { maxChars: 100_000, nextSlice: async () => void slices++ });
    const alone = await readPageArticle(docOf(articleHtml('Top')), { maxChars: 100_000, nextSlice: async () => void slices-- });
    expect(whole!.text).toBe(alone!.text);
    expect(slices).toBeGreaterThanOrEqual(5);
  });

  it('reads each document in the slice it waited for: the page in the caller\'s, a frame in its own', async () => {
    const frames = Array.from({ length: 3 }, () => docOf(articleHtml('Frame')));
    const top = pageWithFrames(articleHtml('Top', '<iframe></iframe>'.repeat(3)), frames);
    let slices = 0;
    const nextSlice = async () => void slices++;
    const whole = await readPageArticle(top, { maxChars: 100_000, nextSlice, current: { deadline: undefined, at: performance.now() } });
    // One wait per frame; each extraction starts at once in it (small documents: one slice each).
    expect(slices).toBe(3);
    slices = 0;
    const waiting = await readPageArticle(top, { maxChars: 100_000, nextSlice });
    expect(whole!.text).toBe(waiting!.text);
    // Without a period handed over, only the page's own extraction waits for one more.
    expect(slices).toBe(3 + 1);
  });

  it('joins the page\'s article and a frame\'s as one text whose pieces point into each document', async () => {
    const frame = docOf(articleHtml('Frame'));
    const top = pageWithFrames(articleHtml('Top', '<iframe></iframe>'), [frame]);
    const a = (await readPageArticle(top, { maxChars: 100_000, ...instant }))!;
    expect(a.title).toBe('Top');
    expect(a.text).toBe(`${extractArticle(top)!.text}\n\n${extractArticle(frame)!.text}`);
    expect(pieceProblems(a)).toEqual([]);
    const start = a.text.lastIndexOf(P2);
    expect(domTextOf(a, start, start + P2.length)).toBe(P2);
    expect(a.pieces.find((p) => p.textStart >= start)!.node.ownerDocument).toBe(frame);
    expect(a.roots).toEqual([top, frame]);
    expect(a.words).toBe(extractArticle(top)!.words + extractArticle(frame)!.words);
  });

  it('reads a frame\'s article when the page itself has none, and leaves frames without one out', async () => {
    const links = docOf(`<nav>${'<a href="/x">A link to another story</a>'.repeat(20)}</nav>`);
    const reader = docOf(articleHtml('Reader'));
    const top = pageWithFrames('<nav><a href="/">Home</a></nav><iframe></iframe><iframe></iframe>', [links, reader]);
    const a = (await readPageArticle(top, { maxChars: 100_000, ...instant }))!;
    expect(a.title).toBe('Reader');
    expect(a.text).toBe(extractArticle(reader)!.text);
  });

  it('reads only the frames inside the page\'s own article when it has one, without touching the others\' documents', async () => {
    const inside = docOf(articleHtml('Embed'));
    const top = docOf(`<div class="layout">${articleHtml('Top', '<iframe id="in"></iframe>')}<div class="widget"><iframe id="out"></iframe></div></div>`);
    const opened: string[] = [];
    top.querySelectorAll('iframe').forEach((el) => Object.defineProperty(el, 'contentDocument', { get: () => (opened.push(el.id), el.id === 'in' ? inside : docOf(articleHtml('Widget'))) }));
    const a = (await readPageArticle(top, { maxChars: 100_000, ...instant }))!;
    expect(opened).toEqual(['in']);
    expect(a.text).toBe(`${extractArticle(top)!.text}\n\n${extractArticle(inside)!.text}`);
    expect(a.text).not.toContain('Widget');
  });

  it('keeps the whole within one budget of characters', async () => {
    const top = pageWithFrames(articleHtml('Top', '<iframe></iframe>'), [docOf(articleHtml('Frame'))]);
    const alone = extractArticle(top)!.text.length;
    const a = (await readPageArticle(top, { maxChars: alone + 60, ...instant }))!;
    expect(a.text.length).toBeLessThanOrEqual(alone + 60);
    expect(a.truncated).toBe(true);
  });

  it('joins nothing to nothing', () => {
    expect(joinArticles(null, null)).toBeNull();
  });
});
