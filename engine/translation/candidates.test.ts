import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { alignWith } from '../align-page';
import { buildIndex } from '../corpus-index';
import { dispatchText } from '../dispatch-text';
import { buildFactsIndex } from '../facts/facts-index';
import type { Dispatch } from '../types';
import { dispatchesSharingTerms } from './candidates';
import { translationCandidates } from './verdicts';

interface Pair {
  date: string;
  en: { url: string; sentences: string[] };
  fr: { url: string; sentences: string[] };
}
const pair = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../tests/eval/translations', `${name}.json`), 'utf8')) as Pair;

function paragraphs(sentences: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) out.push(sentences.slice(i, i + 3).join(' '));
  return out;
}

function dispatchOf(id: string, p: Pair, lang: 'en' | 'fr'): Dispatch {
  return { id, outlet: 'PMO', origin: 'PMO', chain: ['PMO'], language: lang, date: p.date, title: id, url: p[lang].url, paragraphs: paragraphs(p[lang].sentences) };
}

// Statements of one office on one day of three years: the same names and words, one translation each.
const pm2018 = pair('canada-pm-2018-06-21');
const pm2020 = pair('canada-pm-2020-06-21');
const corpus: Dispatch[] = [...bundledCorpus, dispatchOf('pm-fr-2018', pm2018, 'fr'), dispatchOf('pm-en-2020', pm2020, 'en'), dispatchOf('pm-fr-2020', pm2020, 'fr')];
const texts = new Map(corpus.map((d) => [d.id, dispatchText(d)]));
const facts = buildFactsIndex(corpus.map((d) => ({ id: d.id, text: texts.get(d.id)!, date: d.date, language: d.language })));
const index = buildIndex(corpus.map((d) => ({ id: d.id, text: texts.get(d.id)! })));
const page = paragraphs(pm2018.en.sentences).join('\n\n');

describe('dispatches sharing the page terms', () => {
  it('finds the French originals of an English statement by its names, figures and lexicon words, and no English dispatch', () => {
    const found = dispatchesSharingTerms(page, 'en', facts, 4, new Set());
    expect(found).toContain('pm-fr-2018');
    expect(found).not.toContain('pm-en-2020');
    // The seed dispatches on another story share a name or two, not a fifth of the page's terms.
    expect(found.every((id) => id.startsWith('pm-'))).toBe(true);
  });

  it('finds nothing for a page too short to carry terms, and leaves out the dispatches it is told to', () => {
    expect(dispatchesSharingTerms('Hello there.', 'en', facts, 4, new Set())).toEqual([]);
    expect(dispatchesSharingTerms(page, 'en', facts, 4, new Set(['pm-fr-2018']))).not.toContain('pm-fr-2018');
  });
});

describe('translation candidates', () => {
  it('include a dispatch in the other language that shares no same-fact pair with the page', () => {
    const candidates = translationCandidates([], 'en', (id) => texts.get(id), new Set(), { text: page, facts });
    expect(candidates.map((c) => c.id)).toContain('pm-fr-2018');
    expect(candidates.every((c) => c.lang === 'fr')).toBe(true);
  });

  it('make the page a translation of its original through the whole alignment', () => {
    const result = alignWith(page, { index, facts }, (id) => texts.get(id), { language: 'en', date: pm2018.date }, {});
    const verdict = result.dispatches.find((v) => v.relation === 'translated');
    expect(verdict?.id).toBe('pm-fr-2018');
    expect(verdict!.coverage).toBeGreaterThanOrEqual(0.6);
    expect(result.dispatches.filter((v) => v.relation === 'translated')).toHaveLength(1);
  });
});
