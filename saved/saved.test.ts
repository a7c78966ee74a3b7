import { describe, expect, it } from 'vitest';
import type { PageResult } from '../messaging/protocol';
import { parseJsonExport, toJsonExport } from './export-json';
import { diffMarkdown, toMarkdown } from './markdown';
import { buildSaved, cleanTags, comparisonKey, isSavedPassage, pageKey } from './record';
import { allTags, searchSaved } from './search';
import { sampleSaved } from './test-support';

const now = new Date('2026-03-04T05:06:07.000Z');

const pageText = 'Intro du site. Vladimir Poutine a dit jeudi souhaiter des négociations rapides avec l’Otan. Fin de l’article.';
const exact = 'Vladimir Poutine a dit jeudi souhaiter des négociations rapides avec l’Otan.';
const start = pageText.indexOf(exact);
const result: PageResult = {
  url: 'https://news.example/a?x=1#top',
  title: 'Poutine veut négocier',
  text: pageText,
  pageWords: 17,
  dispatches: [],
  passages: [
    {
      dispatch: 'd1',
      kind: 'edited',
      quote: false,
      score: 0.9,
      page: { start, end: start + exact.length, text: exact },
      source: { start: 40, end: 113, text: 'Vladimir Poutine a dit jeudi vouloir des négociations rapides avec l’Otan.' },
      diff: [
        { op: 0, text: 'Vladimir Poutine a dit jeudi ' },
        { op: -1, text: 'vouloir' },
        { op: 1, text: 'souhaiter' },
        { op: 0, text: ' des négociations rapides avec l’Otan.' },
      ],
    },
  ],
  dispatchInfo: {
    d1: { id: 'd1', outlet: 'Europe 1', origin: 'AFP', chain: ['AFP', 'Europe 1'], language: 'fr', date: '2021-12-16', title: 'Dépêche', words: 300, source: 'bundled' },
  },
};

describe('building a saved record', () => {
  it('keeps both passages, the selectors with 32 characters of context, and the reader’s words', () => {
    const r = buildSaved(result, 0, { note: '  Reprise AFP  ', tags: 'afp, Europe 1 ,, AFP' }, 'id-1', now);
    expect(r).toMatchObject({
      id: 'id-1',
      savedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      page: { url: 'https://news.example/a?x=1', title: 'Poutine veut négocier' },
      passage: { text: exact, quote: { exact, prefix: 'Intro du site. ', suffix: ' Fin de l’article.' }, position: { start, end: start + exact.length } },
      other: { dispatch: 'd1', outlet: 'Europe 1', origin: 'AFP', chain: ['AFP', 'Europe 1'], date: '2021-12-16', title: 'Dépêche', start: 40, end: 113 },
      kind: 'edited',
      note: 'Reprise AFP',
      tags: ['afp', 'Europe 1'],
    });
    expect(r.diff).toEqual(result.passages[0].diff);
    expect(r).not.toHaveProperty('hints');
    const long = { ...result, text: `${'x'.repeat(100)}${pageText}` };
    long.passages = [{ ...result.passages[0], page: { ...result.passages[0].page, start: start + 100, end: start + 100 + exact.length } }];
    expect(buildSaved(long, 0, {}, 'id', now).passage.quote.prefix).toHaveLength(32);
    expect(() => buildSaved(result, 3, {}, 'id', now)).toThrow('no passage 3');
  });

  it('knows a passage already saved, and one comparison whatever its id or note', () => {
    const r = buildSaved(result, 0, {}, 'id-1', now);
    expect(isSavedPassage(r, result, result.passages[0])).toBe(true);
    expect(isSavedPassage(r, { ...result, url: 'https://news.example/b' }, result.passages[0])).toBe(false);
    const copy = { ...r, id: 'other', note: 'autre' };
    expect(comparisonKey(copy)).toBe(comparisonKey(r));
    expect(comparisonKey({ ...r, other: { ...r.other, start: 0 } })).not.toBe(comparisonKey(r));
    expect(pageKey('https://a.example/p#x')).toBe('https://a.example/p');
    expect(cleanTags(['  a ', 'A', 'b  c'])).toEqual(['a', 'b c']);
  });
});

describe('searching saved comparisons', () => {
  const a = sampleSaved({ savedAt: '2026-01-01T00:00:00.000Z', note: 'Pour le cours de jeudi', tags: ['cours'] });
  const b = sampleSaved({ savedAt: '2026-01-05T00:00:00.000Z', other: { ...sampleSaved().other, outlet: 'Radio Habana Cuba', origin: 'RT' }, tags: ['RT', 'traduction'] });
  const c = sampleSaved({ savedAt: '2026-01-03T00:00:00.000Z', passage: { ...sampleSaved().passage, text: 'Le Kremlin a réagi à l’Élysée.' } });
  const all = [a, b, c];

  it('finds words in text, outlet, tag and note, ignoring case and accents; sorts by date', () => {
    expect(searchSaved(all).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
    expect(searchSaved(all, { sort: 'oldest' }).map((r) => r.id)).toEqual([a.id, c.id, b.id]);
    expect(searchSaved(all, { text: 'habana' }).map((r) => r.id)).toEqual([b.id]);
    expect(searchSaved(all, { text: 'elysee kremlin' }).map((r) => r.id)).toEqual([c.id]);
    expect(searchSaved(all, { text: 'cours jeudi' }).map((r) => r.id)).toEqual([a.id]);
    expect(searchSaved(all, { text: 'traduction' }).map((r) => r.id)).toEqual([b.id]);
    expect(searchSaved(all, { tag: 'rt' }).map((r) => r.id)).toEqual([b.id]);
    expect(searchSaved(all, { text: 'introuvable' })).toEqual([]);
    expect(allTags(all)).toEqual(['cours', 'RT', 'traduction']);
  });
});

describe('JSON export and import', () => {
  it('round-trips every field of every record in a versioned envelope', () => {
    const records = [sampleSaved({ note: 'n', tags: ['x'], lastAnchor: { status: 'fuzzy', at: now.toISOString() } }), sampleSaved({ hints: [{ type: 'attribution', note: 'The page drops “AFP”.', code: 'attribution-dropped', params: { who: 'AFP' } }] })];
    const text = toJsonExport(records, now);
    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: 'recoupe-saved', version: 1, exportedAt: now.toISOString() });
    expect(parseJsonExport(text)).toEqual({ ok: true, items: records, textOnly: 0 });
  });

  it('keeps only the fields of a saved comparison', () => {
    const r = sampleSaved();
    const text = JSON.stringify({ format: 'recoupe-saved', version: 1, exportedAt: now.toISOString(), items: [{ ...r, extra: '<script>' }] });
    const parsed = parseJsonExport(text);
    expect(parsed.ok && parsed.items[0]).toEqual(r);
  });

  it('refuses malformed and foreign files with a message saying why', () => {
    const err = (text: string) => {
      const p = parseJsonExport(text);
      if (p.ok) throw new Error('accepted');
      return p.error;
    };
    expect(err('{"format": "recoupe-saved", ')).toMatch(/not JSON/);
    expect(err('[1, 2]')).toMatch(/not an export of Recoupe’s saved comparisons/);
    expect(err(JSON.stringify({ format: 'other-tool', items: [] }))).toMatch(/not an export/);
    expect(err(JSON.stringify({ format: 'recoupe-saved', version: 2, items: [] }))).toMatch(/version 2.*Update Recoupe/);
    expect(err(JSON.stringify({ format: 'recoupe-saved', version: 1 }))).toMatch(/no list of items/);
    const bad = { ...sampleSaved(), score: 'high', tags: [1] } as unknown;
    const { page: _p, ...noPage } = sampleSaved();
    const message = err(JSON.stringify({ format: 'recoupe-saved', version: 1, items: [sampleSaved(), bad, noPage] }));
    expect(message).toContain('item 2: field "score" should be a number');
    expect(message).toContain('item 2: field "tags" should be a list of texts');
    expect(message).toContain('item 3: field "page.url" is missing');
  });
});

describe('Markdown report', () => {
  it('has the page, outlets, both passages as quotes, the marked diff, hints, note and tags', () => {
    const r = sampleSaved({
      page: { url: 'https://news.example/a', title: 'Poutine *veut* négocier' },
      note: 'Mot changé :\nà montrer en classe',
      tags: ['afp', 'cours'],
      hints: [{ type: 'attribution', note: 'The page does not name AFP.' }],
    });
    const md = toMarkdown([r], now);
    expect(md).toContain('# Recoupe — saved comparisons');
    expect(md).toContain('Exported on 2026-03-04 · comparisons: 1');
    expect(md).toContain('## 1. Poutine \\*veut\\* négocier');
    expect(md).toContain('- Page: <https://news.example/a>');
    expect(md).toContain('- Compared with: Europe 1, dispatch “Poutine veut des négociations rapides”, 2021-12-16, written first by AFP, provenance: AFP → Europe 1');
    expect(md).toContain('- Kind: edited copy · 90% identical words');
    expect(md).toContain(`**On the page**\n\n> ${r.passage.text}`);
    expect(md).toContain(`**In Europe 1’s text**\n\n> ${r.other.text}`);
    expect(md).toContain('> Vladimir Poutine a dit jeudi ~~vouloir~~ **souhaiter** des négociations rapides avec l’Otan');
    expect(md).toContain('**Differences in the telling**\n\n- The page does not name AFP.');
    expect(md).toContain('**Note**\n\n> Mot changé :\n> à montrer en classe');
    expect(md).toContain('**Tags:** afp, cours');
  });

  it('keeps spaces outside the marks and escapes Markdown in page text', () => {
    expect(diffMarkdown([{ op: 0, text: 'a' }, { op: 1, text: ' b c ' }, { op: 0, text: 'd' }])).toBe('> a **b c** d');
    expect(diffMarkdown([{ op: -1, text: '*x*' }])).toBe('> ~~\\*x\\*~~');
    const md = toMarkdown([sampleSaved({ passage: { ...sampleSaved().passage, text: '# <img src=x onerror=alert(1)>' } })], now);
    expect(md).toContain('> \\# &lt;img src=x onerror=alert(1)&gt;');
  });
});
