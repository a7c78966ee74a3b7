import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledCorpus, corpusVersion } from './bundled';
import { corpusHash } from './content-hash';
import { validateCorpus } from './validate';
import { textLang } from '../engine/translation/verdicts';

const seedDir = new URL('../../shared/seeds/', import.meta.url);
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(new URL(f, seedDir), 'utf8'));

describe('bundled corpus', () => {
  it('ships the five seed dispatches as valid records with unique ids', () => {
    expect(bundledCorpus).toHaveLength(5);
    expect(validateCorpus(bundledCorpus.map((d) => ({ label: d.id, value: d })), 'bundled')).toEqual([]);
  });

  it('keeps provenance: first writer first, the outlet last', () => {
    for (const d of bundledCorpus) {
      expect(d.chain.at(-1)).toBe(d.outlet);
      expect(d.chain[0]).toContain(d.origin.replace('.com', ''));
    }
    const chains = Object.fromEntries(bundledCorpus.map((d) => [d.id, d.chain]));
    expect(chains['afp-europe1-2021-12-07-poutine-garanties']).toEqual(['AFP', 'Europe 1']);
    expect(chains['rt-radiohc-2021-12-16-poutine-negociations-otan']).toEqual(['AFP + RT', 'Radio Habana Cuba']);
  });

  it('titles each record in its own language: a French record shown with an English headline would be read out wrongly', () => {
    for (const d of bundledCorpus) if (d.title) expect(textLang(d.title), d.id).toBe(d.language);
  });

  it('names each outlet as an outlet, never a bare common noun: the translation is CNSNews.com’s', () => {
    for (const d of bundledCorpus) expect(d.outlet, d.id).not.toMatch(/^(traduction|translation|version)\b/i);
    expect(bundledCorpus.find((x) => x.origin === 'CNSNews.com')?.outlet).toBe('CNSNews.com, traduction française');
  });

  it('holds article text only', () => {
    for (const d of bundledCorpus) {
      for (const p of d.paragraphs) {
        expect(p, d.id).not.toMatch(/(^|\s)date \d{4}-\d{2}/);
        expect(p, d.id).not.toMatch(/paypal|newsletter|Vous aimer cet article|\*\*\*/i);
        expect(p, d.id).not.toMatch(/^(#|---|\*)|\*$|<https?:|Radio Habana Cuba\*\*|^Source RT$/);
        expect(p).toBe(p.trim());
      }
    }
  });

  it('keeps every paragraph character for character from the seeds', () => {
    const all = seeds.join('\n');
    for (const d of bundledCorpus) {
      for (const p of d.paragraphs) {
        // The one paragraph the seed breaks mid-sentence is rejoined with a space.
        expect(all.includes(p) || all.includes(p.replace('avec son homologue', 'avec son\n\nhomologue')), p.slice(0, 40)).toBe(true);
      }
    }
  });

  it('keeps the duplicated photo caption of the translation once', () => {
    const d = bundledCorpus.find((x) => x.origin === 'CNSNews.com')!;
    expect(d.paragraphs.filter((p) => p.includes('(Photo de John Thys/AFP via Getty Images)'))).toHaveLength(1);
    expect(d.paragraphs.at(-1)).toMatch(/^"Je n'accepte la ligne rouge de personne"/);
  });

  it('has a version that is the content hash of its records', () => {
    expect(corpusVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(corpusVersion).toBe(corpusHash([...bundledCorpus].reverse()));
  });
});
