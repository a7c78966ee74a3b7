import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/t';
import { parseJsonExport, toJsonExport } from './export-json';
import { cleanNote, cleanTags } from './record';
import { sampleSaved } from './test-support';
import { isWebAddress, SAVED_LIMITS } from './validate';

const now = new Date('2026-03-04T05:06:07.000Z');

afterEach(() => setLanguage('en'));

describe('importing hostile saved comparisons', () => {
  it('keeps an item whose page address is not a web address, counts it, and keeps every other item', () => {
    const items = [
      sampleSaved({ page: { url: 'javascript:alert(1)', title: 'a' } }),
      sampleSaved({ page: { url: 'data:text/html,<script>alert(1)</script>', title: 'b' } }),
      sampleSaved({ page: { url: 'https://news.example/x\n<div>', title: 'c' } }),
      sampleSaved(),
    ];
    const parsed = parseJsonExport(toJsonExport(items, now));
    expect(parsed.ok && parsed.items.length).toBe(4);
    expect(parsed.ok && parsed.textOnly).toBe(3);
  });

  it('tells a web address from anything else', () => {
    expect(isWebAddress('https://news.example/a?b=1&c=2#d')).toBe(true);
    expect(isWebAddress('HTTP://news.example/')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'https://a.example/\nb', 'https://a.example/ b', 'https://a.example/<x>', 'https://a.example/\u202Ex', 'nonsense']) {
      expect(isWebAddress(bad), bad).toBe(false);
    }
  });

  it('strips bidirectional and control characters from names, titles, notes and tags, not from the passages', () => {
    const item = sampleSaved({
      page: { url: 'https://news.example/a', title: 'Titre\u0000 \u202Eenrevni' },
      note: 'Ma note\u200F\n\tsuite\u0007',
      tags: ['\u2066afp\u2069', 'AFP', 'cours\u0000'],
      other: { ...sampleSaved().other, outlet: '\u202EPFA', origin: 'A\u061CFP', chain: ['\u202AAFP\u202C', 'Europe 1'] },
    });
    const parsed = parseJsonExport(toJsonExport([item], now));
    if (!parsed.ok) throw new Error(parsed.error);
    const r = parsed.items[0];
    expect(r.page.title).toBe('Titre enrevni');
    expect(r.note).toBe('Ma note\n\tsuite');
    expect(r.tags).toEqual(['afp', 'cours']);
    expect([r.other.outlet, r.other.origin, r.other.chain]).toEqual(['PFA', 'AFP', ['AFP', 'Europe 1']]);
    expect(r.passage).toEqual(item.passage);
  });

  it('refuses an item over a limit, naming the item, the field and the limit, in the reader’s language', () => {
    const item = sampleSaved({ page: { url: 'https://news.example/a', title: 'x'.repeat(1_000_000) } });
    const text = toJsonExport([sampleSaved(), item], now);
    const parsed = parseJsonExport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('item 2: field "page.title" is 1,000,000 characters long; the limit is 1,000');
    setLanguage('fr');
    const fr = parseJsonExport(text);
    if (!fr.ok) expect(fr.error).toContain('élément 2\u00a0: champ «\u00a0page.title\u00a0» compte 1\u202f000\u202f000 caractères\u00a0; la limite est de 1\u202f000');
    else throw new Error('accepted in French');
  });

  it('refuses too many tags, a note over its limit, and hints of the wrong shape', () => {
    const tooMany = sampleSaved({ tags: Array.from({ length: SAVED_LIMITS.tags + 1 }, (_, i) => `t${i}`) });
    const longNote = sampleSaved({ note: 'n'.repeat(SAVED_LIMITS.note + 1) });
    const badHint = { ...sampleSaved(), hints: [{ type: 't', note: 'n', params: { a: 1 } }] };
    for (const item of [tooMany, longNote, badHint]) expect(parseJsonExport(toJsonExport([item as never], now)).ok).toBe(false);
  });

  it('keeps only the fields of a hint, nothing else from the file', () => {
    const item = { ...sampleSaved(), hints: [{ type: 't', note: 'n', code: 'c', params: { who: 'AFP' }, onclick: 'alert(1)' }] };
    const parsed = parseJsonExport(toJsonExport([item as never], now));
    expect(parsed.ok && parsed.items[0].hints).toEqual([{ type: 't', note: 'n', code: 'c', params: { who: 'AFP' } }]);
  });
});

describe('what the reader types is kept within the same limits', () => {
  it('cleans tags and refuses an over-long note with a message', () => {
    expect(cleanTags('\u202Eafp, x\u0000y')).toEqual(['afp', 'xy']);
    expect(cleanNote('  note\u202E ')).toBe('note');
    expect(() => cleanNote('n'.repeat(SAVED_LIMITS.note + 1))).toThrow(/20,000/);
  });
});
