import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/t';
import { cleanBody, cleanName } from './clean-text';
import { parseNdjson } from './ndjson';
import { pageDispatch } from './page-dispatch';
import { FIELD_LIMITS, TEXT_LIMIT } from './validate';

const rec = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'a1', outlet: 'Le Site', origin: 'AFP', chain: ['AFP', 'Le Site'], language: 'fr', date: '2022-01', title: 'Titre', paragraphs: ['Un.'], ...over });

afterEach(() => setLanguage('en'));

describe('cleaning imported text', () => {
  it('takes bidirectional and control characters out of names, and control characters out of body text', () => {
    expect(cleanName('\u202EPFA')).toBe('PFA');
    expect(cleanName('a\u200Eb\u200Fc\u061Cd\u2066e\u2069f\u202Ag\u202Bh\u202Ci\u202Dj')).toBe('abcdefghij');
    expect(cleanName('a\u0000b\u0007c\u001bd\u0085e\u009ff\u007fg\nh\ti')).toBe('abcdefg\nh\ti');
    expect(cleanBody('a\u0000b\r\nc\rd\u202Ee')).toBe('ab\nc\nd\u202Ee');
  });
});

describe('hostile NDJSON lines', () => {
  it('stores no right-to-left override in names and titles, and no null byte anywhere', () => {
    const r = parseNdjson(
      rec({ outlet: '\u202EPFA', origin: 'A\u200FFP', chain: ['\u2066AFP\u2069', 'Le\u0000 Site'], title: 'Titre\u0000\u202E', paragraphs: ['Un\u0000 paragraphe\u0007.'] }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const d = r.dispatches[0];
    expect([d.outlet, d.origin, d.chain, d.title, d.paragraphs]).toEqual(['PFA', 'AFP', ['AFP', 'Le Site'], 'Titre', ['Un paragraphe.']]);
    const text = parseNdjson(rec({ paragraphs: undefined, text: 'A\u0000B\r\n\r\nC' }));
    expect(text.ok && text.dispatches[0].paragraphs).toEqual(['AB', 'C']);
  });

  it('refuses a field over its limit with the line number, the field and the limit', () => {
    const r = parseNdjson([rec(), rec({ id: 'a2', title: 'x'.repeat(1_000_000) }), rec({ id: 'a3', outlet: 'o'.repeat(FIELD_LIMITS.outlet + 1) })].join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 2, message: 'field "title" is 1,000,000 characters long; the limit is 1,000' },
      { line: 3, message: `field "outlet" is ${FIELD_LIMITS.outlet + 1} characters long; the limit is ${FIELD_LIMITS.outlet}` },
    ]);
  });

  it('caps every short field, the chain and the body', () => {
    const cases: Record<string, unknown>[] = [
      { id: `a${'1'.repeat(FIELD_LIMITS.id)}` },
      { origin: 'o'.repeat(FIELD_LIMITS.origin + 1) },
      { chain: ['AFP', 'c'.repeat(FIELD_LIMITS.chain + 1)] },
      { chain: Array.from({ length: 51 }, (_, i) => `c${i}`) },
      { url: `https://a.example/${'u'.repeat(FIELD_LIMITS.url)}` },
      { language: 'f'.repeat(FIELD_LIMITS.language + 1) },
      { date: '2022-01-01'.repeat(2) },
      { paragraphs: ['p'.repeat(TEXT_LIMIT / 2), 'q'.repeat(TEXT_LIMIT / 2 + 1)] },
      { paragraphs: undefined, text: 't'.repeat(TEXT_LIMIT + 1) },
    ];
    for (const over of cases) {
      const r = parseNdjson(rec(over));
      expect(r.ok, JSON.stringify(over).slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.errors[0].message).toMatch(/limit/);
    }
  });

  it('refuses an address with a line break or space the URL parser would quietly drop', () => {
    const r = parseNdjson(rec({ url: 'https://a.example/x\n<script>' }));
    expect(!r.ok && r.errors[0]).toEqual({ line: 1, message: 'field "url" must not contain spaces or invisible characters' });
  });

  it('words every reason in the reader’s language', () => {
    setLanguage('fr');
    const r = parseNdjson(['{"id": "cassé"', rec({ date: 'hier' }), rec({ id: 'a2', title: 'x'.repeat(2000) })].join('\n'));
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      'JSON invalide (erreur au caractère 15)',
      'champ «\u00a0date\u00a0»\u00a0: doit être une date écrite AAAA-MM ou AAAA-MM-JJ',
      'champ «\u00a0title\u00a0»\u00a0: compte 2\u202f000 caractères\u00a0; la limite est de 1\u202f000',
    ]);
  });
});

describe('a page added to the corpus', () => {
  it('loses the bidirectional and control characters of its title and site name, and is not refused for them', () => {
    const d = pageDispatch(
      {
        url: 'https://www.gazette.example/a',
        title: '\u202EPFA\u0000 titre',
        text: 'Le conseil municipal a voté mardi soir un budget.\u0000\n\nLes travaux commenceront au printemps.',
        meta: { siteName: '\u202EPFA \u2067Gazette\u2069' },
      },
      new Date('2026-03-04T10:00:00Z'),
    );
    expect([d.title, d.outlet, d.origin, d.chain]).toEqual(['PFA titre', 'PFA Gazette', 'PFA Gazette', ['PFA Gazette']]);
    expect(d.paragraphs.join('\n')).not.toMatch(/\u0000/);
  });
});
