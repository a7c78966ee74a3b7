import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { looksLikeArticle } from './looks-like-article';
import { extractArticleSliced } from './sliced';

const LOREM =
  'The regional council approved the new budget on Tuesday after a long debate about school funding, road repairs and the future of the ferry service. ' +
  'Several members argued that the plan did not go far enough, while others warned that taxes could rise next year if revenue fell short of forecasts. ' +
  'The mayor said the compromise was the best available and promised a review in the spring.';
const EDITED = 'EDITED draft paragraph that the reader is writing right now, long enough to look like prose to any extractor at all.';

const nav = `<nav><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;
const story = (attrs: string) => `<article ${attrs}><h1>Council passes budget</h1><p>${LOREM}</p><p>${LOREM}</p><p>${EDITED}</p></article>`;
const docOf = (body: string, htmlAttrs = '', bodyAttrs = ''): Document =>
  parseHTML(`<!doctype html><html ${htmlAttrs}><head><title>T</title></head><body ${bodyAttrs}>${body}</body></html>`).document as unknown as Document;

describe('editable regions are never analysed', () => {
  it.each(['contenteditable', 'contenteditable=""', 'contenteditable="true"', 'contenteditable="plaintext-only"', 'contenteditable="TRUE"'])(
    'an article with %s gives no article',
    async (attr) => {
      const doc = docOf(`${nav}${story(attr)}`);
      expect(extractArticle(doc)).toBeNull();
      expect(await extractArticleSliced(doc, { nextSlice: async () => undefined })).toBeNull();
    },
  );

  it('an article marked contenteditable="false" is read as usual', () => {
    const a = extractArticle(docOf(`${nav}${story('contenteditable="false"')}`));
    expect(a?.text).toContain(EDITED);
  });

  it('an article inside an editable wrapper gives no article', () => {
    expect(extractArticle(docOf(`${nav}<div contenteditable="true"><div class="story">${story('')}</div></div>`))).toBeNull();
  });

  it.each([
    ['an editable body', '', 'contenteditable="true"'],
    ['an editable root element', 'contenteditable', ''],
  ])('%s gives no article and fails the cheap check', (_what, htmlAttrs, bodyAttrs) => {
    const doc = docOf(`${nav}${story('')}`, htmlAttrs, bodyAttrs);
    expect(extractArticle(doc)).toBeNull();
    expect(looksLikeArticle(doc)).toBe(false);
  });

  it('a document in designMode gives no article and fails the cheap check', () => {
    const doc = docOf(`${nav}${story('')}`);
    expect(extractArticle(doc)).not.toBeNull();
    Object.defineProperty(doc, 'designMode', { value: 'on', configurable: true });
    expect(extractArticle(doc)).toBeNull();
    expect(looksLikeArticle(doc)).toBe(false);
  });

  it('leaves editable blocks and form fields out of an article, and no piece points into them', () => {
    const doc = docOf(
      `${nav}<article><h1>Council passes budget</h1><p>${LOREM}</p>` +
        `<div contenteditable="true"><p>${EDITED}</p><p>${EDITED}</p></div>` +
        `<p>${LOREM}</p><p contenteditable>${EDITED}</p><textarea>${EDITED}</textarea><input value="${EDITED}">` +
        `<div class="comment-box" contenteditable="plaintext-only">${EDITED}</div><p>${LOREM}</p></article>`,
    );
    const a = extractArticle(doc)!;
    expect(a).not.toBeNull();
    expect(a.text.split(LOREM).length).toBe(4);
    expect(a.text).not.toContain('EDITED');
    for (const p of a.pieces) expect(p.node.parentElement?.closest('[contenteditable], textarea, input')).toBeNull();
  });

  it('leaves out an editable h1 of an article header', () => {
    const doc = docOf(`<article><header><h1 contenteditable>EDITED title</h1></header><p>${LOREM}</p><p>${LOREM}</p></article>`);
    expect(extractArticle(doc)!.text).not.toContain('EDITED');
  });
});
