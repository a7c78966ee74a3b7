import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from './extract-article';
import { coveredTextOf, domTextOf, pieceProblems, prng } from './test-helpers';
import type { ExtractedArticle } from './types';

const pagesDir = join(dirname(fileURLToPath(import.meta.url)), '../../shared/real-pages');
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
const read = (name: string): string => readFileSync(join(pagesDir, name), 'utf8');
const squash = (s: string): string => s.replace(/\s+/g, ' ');

/** Sentences read off each page's HTML: they must be in the article, the junk must not. */
const NEWS: Record<string, { has: string[]; not?: string[] }> = {
  'nytimes-1.html': {
    has: [
      'After nearly 20 years of hostile relations, the American government plans to reverse its position on Sudan',
      'In 1998, Bin Laden’s agents blew up the United States Embassies in Kenya and Tanzania',
      'the Obama administration had made a “deal with the devil.”',
    ],
  },
  'nytimes-2.html': {
    has: [
      'Yahoo’s $4.8 billion sale to Verizon is a complicated beast',
      'Finally, if another bidder still wants to acquire Yahoo, it has time.',
      'All in all, this was as hairy a deal as they come.',
    ],
    not: ['By signing up, you agree to receive updates'],
  },
  'bbc-1.html': {
    has: [
      'President Barack Obama has admitted that his failure to pass "common sense gun safety laws"',
      'which leaves me with the impression that he has persuaded precisely zero',
      "including Kenya's, needed to improve their records on human rights and democracy",
    ],
  },
  'wapo-1.html': {
    has: [
      'CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday',
      'Ajmi Lourimi, a member of Ennahda’s general secretariat, said he believed the attack would unite Tunisians in the face of terrorism.',
    ],
    not: ['Comments our editors find particularly useful'],
  },
  'seattletimes-1.html': {
    has: [
      'skipper Wade Bassi has better insight than most',
      'Meanwhile, Whole Foods is not opening any new 365 stores',
      'the halibut fishery in the Northern Pacific and Bering Sea is capped at 29.4 million pounds',
    ],
    not: ['The opinions expressed in reader comments'],
  },
  'telegraph.html': {
    has: [
      'are under house arrest at Mugabe\'s "Blue House" compound in Harare',
      'Dubbed "DisGrace" or "Gucci Grace" on account of her reputed love of shopping',
      'the events could signal a once-in-a-generation change for the former British colony',
    ],
    not: ['We urge you to turn off your ad blocker'],
  },
  'cnn.html': {
    has: [
      'The report assessed poverty levels, income and wealth inequality, economic mobility and unemployment levels among 10 wealthy countries',
      'The low ranking the U.S. received was due to its extreme levels of wealth and income inequality',
    ],
    not: ['Most stock quote data provided by BATS'],
  },
  'ars-1.html': {
    has: [
      'A flaw in the wildly popular online game Minecraft makes it easy for just about anyone to crash the server',
      'The fix for this vulnerability isn’t exactly that hard',
    ],
  },
};

const results = new Map<string, { ms: number; parseMs: number; article: ExtractedArticle | null }>();
function extracted(name: string): ExtractedArticle | null {
  if (!results.has(name)) {
    const html = read(name);
    const t0 = performance.now();
    const { document } = parseHTML(html);
    const t1 = performance.now();
    const article = extractArticle(document as unknown as Document);
    results.set(name, { ms: performance.now() - t1, parseMs: t1 - t0, article });
  }
  return results.get(name)!.article;
}

describe('extraction over every real page', () => {
  it('finds the real pages', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  it.each(pages)('%s: no throw, sound pieces, ranges round-trip', (name) => {
    const a = extracted(name);
    if (!a) return;
    expect(pieceProblems(a)).toEqual([]);
    expect(a.words).toBeGreaterThan(0);
    const rand = prng(name.length * 7919 + a.text.length);
    for (let k = 0; k < 25; k++) {
      const start = Math.floor(rand() * a.text.length);
      const end = Math.min(a.text.length, start + 1 + Math.floor(rand() * 400));
      const dom = domTextOf(a, start, end);
      expect(dom).toBe(coveredTextOf(a, start, end));
      expect(dom.replace(/\s+/g, '')).toBe(a.text.slice(start, end).replace(/\s+/g, ''));
    }
  });

  it.each(Object.keys(NEWS))('%s: the main paragraphs are in the article', (name) => {
    const a = extracted(name);
    expect(a).not.toBeNull();
    const text = squash(a!.text);
    for (const sentence of NEWS[name].has) expect(text).toContain(sentence);
    for (const junk of NEWS[name].not ?? []) expect(text).not.toContain(junk);
  });

  // Work on the extraction's speed must not move what it chooses: a change here is a change of
  // behaviour, to be looked at page by page (vitest -u records the new choice).
  it('chooses the same title, text and pieces on every page as recorded', () => {
    const chosen: Record<string, string | null> = {};
    for (const name of pages) {
      const a = extracted(name);
      const pieces = a?.pieces.map((p) => `${p.textStart}:${p.nodeStart}-${p.nodeEnd}:${p.node.data.slice(p.nodeStart, p.nodeEnd)}`).join('|');
      chosen[name] = a && createHash('sha256').update(`${a.title}\0${a.text}\0${pieces}\0${!!a.truncated}`).digest('hex').slice(0, 16);
    }
    expect(chosen).toMatchSnapshot();
  }, 120_000);

  afterAll(() => {
    const rows = [...results.entries()].sort((a, b) => b[1].ms - a[1].ms);
    const total = rows.reduce((s, [, r]) => s + r.ms, 0);
    const parse = rows.reduce((s, [, r]) => s + r.parseMs, 0);
    const articles = rows.filter(([, r]) => r.article).length;
    console.log(
      `extraction: ${rows.length} pages, ${articles} article-like, total ${total.toFixed(0)} ms, ` +
        `mean ${(total / rows.length).toFixed(1)} ms (linkedom parsing ${parse.toFixed(0)} ms more); slowest: ` +
        rows.slice(0, 5).map(([n, r]) => `${n} ${r.ms.toFixed(0)} ms`).join(', '),
    );
  });
});
