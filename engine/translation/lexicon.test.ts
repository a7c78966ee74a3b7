import { describe, expect, it } from 'vitest';
import data from '../data/lexicon-fr-en.json';
import { tokenize } from '../tokenize';
import { LEXICON_ENTRIES, entriesOf, formWords, parseEntry } from './lexicon';

const shares = (a: readonly number[], b: readonly number[]) => a.some((x) => b.includes(x));

describe('French-English lexicon data', () => {
  it('has at least 5,000 entries, each with both sides and one " = "', () => {
    expect(data.entries.length).toBeGreaterThanOrEqual(5000);
    for (const line of data.entries) {
      expect(line.split(' = '), line).toHaveLength(2);
      const { fr, en } = parseEntry(line);
      expect(fr.length, line).toBeGreaterThan(0);
      expect(en.length, line).toBeGreaterThan(0);
    }
  });

  it('has no duplicate entry (same forms on both sides, whatever their order or case)', () => {
    const seen = new Map<string, string>();
    for (const line of data.entries) {
      const { fr, en } = parseEntry(line);
      const key = [fr, en].map((side) => [...new Set(side.map((f) => f.toLowerCase()))].sort().join('|')).join(' = ');
      expect(seen.get(key), `${line} repeats ${seen.get(key)}`).toBeUndefined();
      seen.set(key, line);
    }
  });

  it('has no form that the tokenizer reads as no word at all', () => {
    for (const entry of LEXICON_ENTRIES) {
      for (const form of [...entry.fr, ...entry.en]) expect(tokenize(form).count, form).toBeGreaterThan(0);
    }
  });

  it('cuts every form into the words the tokenizer cuts out of page text', () => {
    for (const entry of LEXICON_ENTRIES) {
      for (const form of [...entry.fr, ...entry.en]) {
        const tokens = tokenize(form, true);
        const words = Array.from({ length: tokens.count }, (_, i) => form.slice(tokens.starts[i], tokens.ends[i]).toLowerCase());
        // A one-word form is that word; a longer one keeps its content words, in the tokenizer's cut.
        if (words.length === 1) expect(formWords(form), form).toEqual(words);
        else for (const w of formWords(form)) expect(words, form).toContain(w);
      }
    }
  });

  it('finds every entry again from the first word of each of its forms', () => {
    // One expectation for the whole lexicon: thousands of expect() calls made this test slow.
    const lost: string[] = [];
    LEXICON_ENTRIES.forEach((entry, id) => {
      for (const lang of ['fr', 'en'] as const) {
        for (const form of entry[lang]) if (!entriesOf(formWords(form)[0], lang).includes(id)) lost.push(`${lang} ${form}`);
      }
    });
    expect(lost).toEqual([]);
  });
});

describe('lexicon look-up of page words', () => {
  it('folds a page word as the engine does: inflection, capitals and missing accents', () => {
    // The form is "élection"; pages write it in the plural, in capitals, or without accents.
    for (const written of ['élections', 'ÉLECTIONS', 'Elections', 'electorales']) {
      expect(shares(entriesOf(written, 'fr'), entriesOf('elections', 'en')), written).toBe(true);
    }
    expect(shares(entriesOf('notifié', 'fr'), entriesOf('reported', 'en'))).toBe(true);
    expect(shares(entriesOf('décès', 'fr'), entriesOf('deaths', 'en'))).toBe(true);
    expect(shares(entriesOf('flambée', 'fr'), entriesOf('outbreak', 'en'))).toBe(true);
  });

  it('keeps unrelated words apart', () => {
    expect(shares(entriesOf('élections', 'fr'), entriesOf('earthquake', 'en'))).toBe(false);
    expect(entriesOf('zzqx', 'fr')).toEqual([]);
  });

  it('reads a word of a page exactly as the tokenizer cuts it out of running text', () => {
    const text = "L’OMS a notifié 206 cas, dont huit hors de la province du Hubei.";
    const tokens = tokenize(text, true);
    const words = Array.from({ length: tokens.count }, (_, i) => text.slice(tokens.starts[i], tokens.ends[i]));
    expect(words).toContain('OMS');
    expect(shares(entriesOf('OMS', 'fr'), entriesOf('WHO', 'en'))).toBe(true);
    expect(shares(entriesOf('province', 'fr'), entriesOf('province', 'en'))).toBe(true);
  });
});
