import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { domTextOf, pieceProblems } from './test-helpers';

const P1 =
  'The regional council approved the new budget on Tuesday after a long debate about school funding, road repairs and the future of the ferry service.';
const P2 =
  'Several members argued that the plan did not go far enough, while others warned that taxes could rise next year if revenue fell short of forecasts.';
const P3 =
  'The mayor said the compromise was the best available, promised a review in the spring, and thanked the staff for their work on it. ' +
  'Opposition members said they would table amendments at the next session, after consulting residents in every district of the region.';

const P4 =
  'Ferry users, who had petitioned the council for months, welcomed the vote but said they would watch closely how the money is spent, line by line.';

function pageWithShadow(mode: 'open' | 'closed'): Document {
  const { document } = parseHTML(
    `<!doctype html><html><head><title>t</title></head><body><nav><a href="/">Home</a></nav><article><h1>Budget</h1><p>${P1}</p><story-part></story-part><p>${P3}</p><p>${P4}</p></article></body></html>`,
  );
  const host = document.querySelector('story-part')!;
  const root = host.attachShadow({ mode });
  root.innerHTML = `<div><p>${P2}</p></div>`;
  return document as unknown as Document;
}

describe('extractArticle and shadow roots', () => {
  it('reads the text of an open shadow root in place, with pieces on its text nodes', () => {
    const doc = pageWithShadow('open');
    const a = extractArticle(doc)!;
    expect(a).not.toBeNull();
    expect(a.text).toContain(P2);
    expect(a.text.indexOf(P1)).toBeLessThan(a.text.indexOf(P2));
    expect(a.text.indexOf(P2)).toBeLessThan(a.text.indexOf(P3));
    expect(pieceProblems(a)).toEqual([]);
    const start = a.text.indexOf(P2);
    expect(domTextOf(a, start, start + P2.length)).toBe(P2);
    // Every piece's node lives in one of the roots the article names.
    const roots = new Set(a.roots);
    expect(a.pieces.every((p) => roots.has(p.node.getRootNode()))).toBe(true);
    expect(a.roots).toContain(doc);
    expect(a.roots.some((r) => r !== doc)).toBe(true);
  });

  it('leaves a closed shadow root alone', () => {
    const a = extractArticle(pageWithShadow('closed'))!;
    expect(a.text).toContain(P1);
    expect(a.text).not.toContain(P2);
  });

  it('finds an article held entirely in an open shadow root', () => {
    const { document } = parseHTML('<!doctype html><html><head><title>t</title></head><body><news-app></news-app></body></html>');
    const root = document.querySelector('news-app')!.attachShadow({ mode: 'open' });
    root.innerHTML = `<main><article><h1>Budget</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article></main>`;
    const a = extractArticle(document as unknown as Document)!;
    expect(a?.text).toContain(P1);
    expect(a.text).toContain(P3);
    expect(a.title).toBe('Budget');
    expect(a.roots).toEqual([root]);
  });
});
