import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../engine/types';
import { bundledCorpus } from './bundled';
import { corpusHash } from './content-hash';
import { parseNdjson } from './ndjson';
import { dispatchProblems } from './validate';

const base: Dispatch = {
  id: 'radio-x',
  outlet: 'Radio',
  origin: 'RT',
  chain: ['AFP + RT', 'Radio'],
  language: 'fr',
  date: '2021-12-16',
  title: 'Titre',
  paragraphs: ['Un.', 'Deux.', 'Trois.', 'Quatre.'],
};
const fields = (origins: unknown) => dispatchProblems({ ...base, origins }).map((p) => p.field);

describe('origins of paragraphs: validation', () => {
  it('accepts ordered, separate ranges within the text', () => {
    expect(fields([{ from: 0, to: 1, origin: 'AFP' }, { from: 2, to: 3, origin: 'RT' }])).toEqual([]);
    expect(fields([{ from: 1, to: 1, origin: 'AFP' }])).toEqual([]);
    expect(fields([])).toEqual([]);
    expect(dispatchProblems(base)).toEqual([]);
  });

  it('refuses ranges outside the text, reversed, overlapping or out of order', () => {
    expect(fields([{ from: 0, to: 4, origin: 'AFP' }])).toEqual(['origins[0]']);
    expect(fields([{ from: -1, to: 1, origin: 'AFP' }])).toEqual(['origins[0]']);
    expect(fields([{ from: 2, to: 1, origin: 'AFP' }])).toEqual(['origins[0]']);
    expect(fields([{ from: 0.5, to: 1, origin: 'AFP' }])).toEqual(['origins[0]']);
    expect(fields([{ from: '0', to: 1, origin: 'AFP' }])).toEqual(['origins[0]']);
    expect(fields([{ from: 0, to: 2, origin: 'AFP' }, { from: 2, to: 3, origin: 'RT' }])).toEqual(['origins[1]']);
    expect(fields([{ from: 2, to: 3, origin: 'RT' }, { from: 0, to: 1, origin: 'AFP' }])).toEqual(['origins[1]']);
  });

  it('refuses entries that are not ranges with an origin', () => {
    expect(fields('AFP')).toEqual(['origins']);
    expect(fields([null])).toEqual(['origins[0]']);
    expect(fields([{ from: 0, to: 1 }])).toEqual(['origins[0].origin']);
    expect(fields([{ from: 0, to: 1, origin: ' ' }])).toEqual(['origins[0].origin']);
    expect(fields([{ from: 0, to: 1, origin: 'A'.repeat(201) }])).toEqual(['origins[0].origin']);
    expect(fields([{ from: 0, to: 1, origin: 'AFP', note: '<b>x</b>' }])).toEqual(['origins[0]']);
  });

  it('refuses more ranges than paragraphs before looking at any', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ from: i, to: i, origin: 'AFP' }));
    const problems = dispatchProblems({ ...base, origins: many });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('origins');
  });
});

describe('origins of paragraphs: NDJSON import', () => {
  it('keeps them, with the paragraphs split from a text, and cleans the names', () => {
    const { paragraphs: _p, ...rest } = base;
    const line = JSON.stringify({ ...rest, text: 'Un.\n\nDeux.\n\nTrois.', origins: [{ from: 0, to: 1, origin: '\u202EPFA' }, { from: 2, to: 2, origin: 'RT' }] });
    const result = parseNdjson(line);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dispatches[0].origins).toEqual([
      { from: 0, to: 1, origin: 'PFA' },
      { from: 2, to: 2, origin: 'RT' },
    ]);
  });

  it('refuses a line whose ranges do not fit its text, naming the field', () => {
    const { paragraphs: _p, ...rest } = base;
    const result = parseNdjson(JSON.stringify({ ...rest, text: 'Un.\n\nDeux.', origins: [{ from: 0, to: 2, origin: 'AFP' }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toContain('origins[0]');
  });
});

describe('origins of paragraphs: corpus version', () => {
  it('changes the hash when added or changed, and leaves the hash of records without them alone', () => {
    const withOrigins = { ...base, origins: [{ from: 0, to: 1, origin: 'AFP' }] };
    expect(corpusHash([withOrigins])).not.toBe(corpusHash([base]));
    expect(corpusHash([withOrigins])).not.toBe(corpusHash([{ ...base, origins: [{ from: 0, to: 1, origin: 'Reuters' }] }]));
    // The hash this record had before origins existed (measured on the code without them).
    expect(corpusHash([base])).toBe('9e44308eb721f826');
  });
});

describe('the bundled Radio Habana Cuba record', () => {
  it('says its first two paragraphs are AFP and the rest RT', () => {
    const rhc = bundledCorpus.find((d) => d.outlet === 'Radio Habana Cuba')!;
    expect(rhc.origin).toBe('RT');
    expect(rhc.origins).toEqual([
      { from: 0, to: 1, origin: 'AFP' },
      { from: 2, to: rhc.paragraphs.length - 1, origin: 'RT' },
    ]);
    expect(dispatchProblems(rhc)).toEqual([]);
  });

  it('is the only bundled record that mixes origins', () => {
    expect(bundledCorpus.filter((d) => d.origins).map((d) => d.outlet)).toEqual(['Radio Habana Cuba']);
  });
});
