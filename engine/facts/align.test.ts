import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { dispatchText } from '../dispatch-text';
import { match } from '../match';
import { buildIndex } from '../corpus-index';
import { OWN_FRENCH, realPageTexts } from '../test-support/pages';
import type { Passage } from '../types';
import { alignFacts, WALK_BUDGET, walkedTerms } from './align';
import { buildFactsIndex, isListed, KEEP_ALL_POSTINGS } from './facts-index';
import { FactsView } from '../segments/facts-view';
import { SAME_FACT_THRESHOLD } from './score';
import { TermKind } from './terms';
import { dropCovered, factVerdicts } from './verdicts';

const byOrigin = (prefix: string) => bundledCorpus.find((d) => d.id.startsWith(prefix))!;
const AFP_EUROPE1 = byOrigin('afp-europe1').id;
const AFP_FRANCEINFO = byOrigin('afp-franceinfo').id;
const CNSNEWS = byOrigin('cnsnews').id;
const AFP_NEWS24 = byOrigin('afp-news24').id;
const RT = byOrigin('rt-radiohc').id;

const texts = new Map(bundledCorpus.map((d) => [d.id, dispatchText(d)]));
const dates = new Map(bundledCorpus.map((d) => [d.id, d.date]));
const getText = (id: string) => texts.get(id);
const index = buildFactsIndex(bundledCorpus.map((d) => ({ id: d.id, text: texts.get(d.id)!, date: d.date, language: d.language })));

/** A dispatch read against the others, as the reading view does. */
function alignDispatch(id: string, withDate = true): Passage[] {
  return alignFacts(texts.get(id)!, index, { exclude: [id], pageDate: withDate ? dates.get(id) : undefined, getText });
}

function expectConsistent(pageText: string, passages: Passage[]) {
  for (const p of passages) {
    expect(p.kind).toBe('same-fact');
    expect(pageText.slice(p.page.start, p.page.end)).toBe(p.page.text);
    expect(texts.get(p.dispatch)!.slice(p.source.start, p.source.end)).toBe(p.source.text);
    expect(p.score).toBeGreaterThanOrEqual(SAME_FACT_THRESHOLD);
    for (const s of p.shared!.page) {
      expect(pageText.slice(s.start, s.end)).toBe(s.text);
      expect(s.start >= p.page.start && s.end <= p.page.end).toBe(true);
    }
    for (const s of p.shared!.source) {
      expect(texts.get(p.dispatch)!.slice(s.start, s.end)).toBe(s.text);
      expect(s.start >= p.source.start && s.end <= p.source.end).toBe(true);
    }
    expect(p.sharedTerms!.length).toBeGreaterThanOrEqual(2);
  }
}

describe('alignFacts on the seed dispatches', () => {
  it('aligns the demand for legal guarantees across the AFP, CNSNews-translation and RT versions', () => {
    const fromAfp = alignDispatch(AFP_EUROPE1).filter((p) => p.page.text.includes('a demandé des "garanties"'));
    const fromCns = alignDispatch(CNSNEWS).filter((p) => p.page.text.includes('juridiquement contraignantes'));
    const reached = new Set([...fromAfp, ...fromCns].map((p) => p.dispatch));
    expect(reached).toContain(AFP_FRANCEINFO);
    expect(reached).toContain(RT);
    expect(fromAfp.map((p) => p.dispatch)).toContain(CNSNEWS);
    expect(fromCns.map((p) => p.dispatch)).toContain(AFP_EUROPE1);
    expect(fromCns.find((p) => p.dispatch === RT)!.sharedTerms).toEqual(expect.arrayContaining(['garanties']));
  });

  it('keeps offsets, scores and shared terms consistent', () => {
    for (const d of bundledCorpus) expectConsistent(texts.get(d.id)!, alignDispatch(d.id));
  });

  it('does not align the January 2022 Putin–Macron call with the 14 December 2021 call', () => {
    for (const withDate of [true, false]) {
      const fromJanuary = alignDispatch(AFP_NEWS24, withDate).filter((p) => p.dispatch === RT);
      expect(fromJanuary.filter((p) => /Macron/.test(p.page.text) && /Macron|14 décembre/.test(p.source.text))).toEqual([]);
      const fromDecember = alignDispatch(RT, withDate).filter((p) => p.dispatch === AFP_NEWS24);
      expect(fromDecember.filter((p) => /14 décembre/.test(p.page.text))).toEqual([]);
    }
    // The January call is a candidate for the RT text (names and words in common); dates push it down.
    const best = (pageDate?: string) =>
      alignFacts(texts.get(AFP_NEWS24)!, index, { exclude: [AFP_NEWS24], pageDate, threshold: 0.001, getText })
        .filter((p) => p.dispatch === RT && p.page.text.includes('vendredi à son homologue français'))
        .reduce((m, p) => Math.max(m, p.score), 0);
    expect(best(undefined)).toBeGreaterThan(0);
    expect(best(dates.get(AFP_NEWS24))).toBeLessThan(best(undefined) / 2);
  });

  it('aligns the promises to Gorbachev (CNSNews translation vs RT) and marks the hedge on "prétendues"', () => {
    const pair = alignDispatch(CNSNEWS).find((p) => p.dispatch === RT && p.page.text.includes('Gorbatchev'));
    expect(pair?.source.text).toContain('ont violé leurs promesses');
    const hedge = pair!.hints!.find((h) => h.type === 'hedging' && h.code === 'hedge-only-page');
    expect(hedge?.page.text).toBe('prétendues');
    expect(hedge?.source).toEqual({ start: pair!.source.start, end: pair!.source.start, text: '' });
    expect(hedge?.params).toEqual({ word: 'prétendues' });
  });

  it('never aligns a dispatch with itself when excluded, and honours exclude for others', () => {
    const all = alignFacts(texts.get(AFP_EUROPE1)!, index, { getText });
    expect(all.some((p) => p.dispatch === AFP_EUROPE1)).toBe(true);
    const without = alignFacts(texts.get(AFP_EUROPE1)!, index, { exclude: [AFP_EUROPE1, AFP_FRANCEINFO], getText });
    expect(without.some((p) => p.dispatch === AFP_EUROPE1 || p.dispatch === AFP_FRANCEINFO)).toBe(false);
  });

  it('says which word lists built it', async () => {
    const { FACTS_RULES_VERSION } = await import('./facts-index');
    expect(index.rules).toBe(FACTS_RULES_VERSION);
    expect(FACTS_RULES_VERSION).toMatch(/^[0-9a-f]+$/);
  });

  it('works on a structured clone of the index (as loaded from IndexedDB)', () => {
    const clone = structuredClone(index);
    expect(alignFacts(texts.get(CNSNEWS)!, clone, { exclude: [CNSNEWS], getText })).toEqual(
      alignFacts(texts.get(CNSNEWS)!, index, { exclude: [CNSNEWS], getText }),
    );
  });
});

describe('alignFacts on pages written for the tests', () => {
  const englishPage =
    'Russian President Vladimir Putin on Tuesday demanded legal guarantees from Joe Biden that NATO would not expand eastward. ' +
    'Biden warned that Russia would face strong economic sanctions if it escalated militarily in Ukraine. ' +
    'The two leaders agreed to have their representatives hold consultations on these sensitive issues.';

  it('aligns an English retelling with the French dispatches (translation)', () => {
    const found = alignFacts(englishPage, index, { pageDate: '2021-12-07', getText });
    expectConsistent(englishPage, found);
    const demand = found.filter((p) => p.page.text.startsWith('Russian President'));
    expect(new Set(demand.map((p) => p.dispatch)).size).toBeGreaterThanOrEqual(2);
    const consult = found.filter((p) => p.page.text.startsWith('The two leaders'));
    expect(consult.map((p) => p.dispatch)).toContain(AFP_EUROPE1);
  });

  it('aligns nothing for an unrelated French page', () => {
    expect(alignFacts(OWN_FRENCH.join(' '), index, { getText })).toEqual([]);
  });

  it('aligns nothing on the saved real-world pages (other topics, mostly English: cognates are no translation)', () => {
    // The first 20,000 characters of each page hold its article text and keep the test quick.
    const found = realPageTexts().flatMap((p) =>
      alignFacts(p.text.slice(0, 20_000), index, { getText }).map((f) => `${p.name}: ${f.page.text.slice(0, 60)}`),
    );
    expect(found).toEqual([]);
  }, 20_000);

  it('does not pair a sentence that only shares names', () => {
    const page = 'Vladimir Poutine et Joe Biden ont chacun célébré Noël en famille, loin de l\'Otan et de l\'Ukraine.';
    expect(alignFacts(page, index, { getText })).toEqual([]);
  });

  it('weighs a page date far from the dispatches', () => {
    const near = alignFacts(englishPage, index, { pageDate: '2021-12-08', getText });
    const far = alignFacts(englishPage, index, { pageDate: '2023-06-01', getText });
    expect(near.length).toBeGreaterThan(0);
    expect(far.length).toBeLessThan(near.length);
  });
});

describe('factVerdicts', () => {
  const page =
    'Mardi, lors de leur sommet en visioconférence, Vladimir Poutine a exigé de Joe Biden des garanties juridiques contre tout élargissement de l\'Otan vers l\'Est. ' +
    'Il a également suggéré de supprimer l\'ensemble des représailles frappant les diplomates des deux pays. ' +
    'Les deux présidents ont chargé leurs représentants de consultations sur ces sujets sensibles.';

  it('calls a dispatch telling several of the page facts, with no shared text, the same story', () => {
    const facts = alignFacts(page, index, { pageDate: '2021-12-08', getText });
    const text = match(page, buildIndex([...texts].map(([id, t]) => ({ id, text: t }))), getText);
    const verdicts = factVerdicts(dropCovered(facts, text.passages), text.pageWords, text.dispatches);
    const story = verdicts.find((v) => v.id === AFP_EUROPE1);
    expect(story?.relation).toBe('same-story');
    expect(story!.facts).toBeGreaterThanOrEqual(2);
    expect(story!.coverage).toBeGreaterThan(0);
    expect(verdicts.find((v) => v.id === AFP_NEWS24)).toBeUndefined();
  });

  it('leaves text verdicts as they are and needs at least two facts', () => {
    const facts = alignFacts(page, index, { pageDate: '2021-12-08', getText });
    const existing = [{ id: AFP_EUROPE1, relation: 'republished' as const, coverage: 0.8, narrationCoverage: 0.8, passages: 3 }];
    const verdicts = factVerdicts(facts, 60, existing);
    expect(verdicts[0]).toBe(existing[0]);
    expect(verdicts.filter((v) => v.id === AFP_EUROPE1)).toHaveLength(1);
    const oneFact = facts.filter((p) => p.page.start === facts[0].page.start);
    expect(factVerdicts(oneFact, 60).filter((v) => v.relation === 'same-story')).toEqual([]);
  });

  it('drops same-fact pairs a text passage of the same dispatch already covers', () => {
    const afp = texts.get(AFP_EUROPE1)!;
    const facts = alignFacts(afp, index, { exclude: [AFP_EUROPE1], getText });
    const text = match(afp, buildIndex([{ id: AFP_FRANCEINFO, text: texts.get(AFP_FRANCEINFO)! }]), getText);
    const kept = dropCovered(facts, text.passages);
    expect(kept.length).toBeLessThan(facts.length);
    expect(kept.some((f) => f.dispatch === CNSNEWS)).toBe(true);
  });
});

describe('alignFacts edge cases', () => {
  it('handles an empty corpus and an empty page', () => {
    const empty = buildFactsIndex([]);
    expect(alignFacts('Vladimir Poutine a demandé des garanties juridiques sur l\'Otan.', empty)).toEqual([]);
    expect(alignFacts('', index)).toEqual([]);
  });

  it('fills spans without texts when getText is not given, and hints only with texts', () => {
    const found = alignFacts(texts.get(CNSNEWS)!, index, { exclude: [CNSNEWS] });
    expect(found.length).toBeGreaterThan(0);
    for (const p of found) {
      expect(p.source.text).toBe('');
      expect(p.hints).toBeUndefined();
    }
  });
});

describe('walkedTerms', () => {
  const vector = (sentences: number[], kinds: number[], common: number[] = sentences.map(() => 0), hashes = sentences.map((_, i) => 100 + i), own = sentences.map(() => 1)) => ({
    hashes: Uint32Array.from(hashes),
    kinds: Uint8Array.from(kinds),
    common: Uint8Array.from(common),
    sentences: Float64Array.from(sentences),
    own: Uint8Array.from(own),
  });

  it('walks the rarest content terms first, until the budget is spent', () => {
    // Stems (kind 0) in 1,500, 300, 900 and 50 sentences: 50 + 300 + 900 = 1,250, then 1,500 still starts under the budget.
    const v = vector([1500, 300, 900, 50, 10], [TermKind.Stem, TermKind.Stem, TermKind.Number, TermKind.Concept, TermKind.Entity]);
    expect([...walkedTerms(v)]).toEqual([1, 1, 1, 1, 0]);
    const big = vector([WALK_BUDGET, 40, WALK_BUDGET + 5, 3], [TermKind.Stem, TermKind.Stem, TermKind.Stem, TermKind.Stem]);
    // 3 + 40 + 2,000 reaches the budget: the term in 2,005 sentences is left passive.
    expect([...walkedTerms(big)]).toEqual([1, 1, 0, 1]);
  });

  it('never walks a term in more sentences than the budget, nor a common one, and breaks ties by hash', () => {
    // Even as the rarest of its sentence: the postings walked per sentence stay under twice the budget at any corpus size.
    expect([...walkedTerms(vector([WALK_BUDGET * 3, WALK_BUDGET + 1], [TermKind.Stem, TermKind.Stem]))]).toEqual([0, 0]);
    expect([...walkedTerms(vector([WALK_BUDGET * 3, WALK_BUDGET, 10], [TermKind.Stem, TermKind.Stem, TermKind.Stem]))]).toEqual([0, 1, 1]);
    expect([...walkedTerms(vector([5, 7], [TermKind.Stem, TermKind.Stem], [1, 0]))]).toEqual([0, 1]);
    const tie = (hashes: number[]) => [...walkedTerms(vector([WALK_BUDGET, WALK_BUDGET], [TermKind.Stem, TermKind.Stem], [0, 0], hashes))];
    expect(tie([9, 4])).toEqual([0, 1]);
    expect(tie([4, 9])).toEqual([1, 0]);
  });

  it('never walks a stem of the other language that the sentence reads only through a gloss', () => {
    // The rarest stem here is a gloss's: walking it would propose candidates a gloss alone cannot make.
    expect([...walkedTerms(vector([3, 40], [TermKind.Stem, TermKind.Stem], [0, 0], [100, 101], [0, 1]))]).toEqual([0, 1]);
  });
});

describe('alignFacts over segments that store only their rarer postings', () => {
  it('finds what segments storing every posting find, the others read from the forward lists', () => {
    const docs = bundledCorpus.map((d) => ({ id: d.id, text: texts.get(d.id)!, date: d.date, language: d.language }));
    const partsOf = (listCap: number, secondCap = listCap) =>
      new FactsView([
        { index: buildFactsIndex(docs.slice(0, 2), { keepAllPostings: true, listCap }), dead: null },
        { index: buildFactsIndex(docs.slice(2), { keepAllPostings: true, listCap: secondCap }), dead: null },
      ]);
    const few = partsOf(1);
    expect(few.parts.some(({ index }) => [...index.keys.keys()].some((k) => !isListed(index, k)))).toBe(true);
    const all = partsOf(KEEP_ALL_POSTINGS);
    // A segment stored under a smaller list cap beside one stored under a bigger one (or none).
    const mixed = partsOf(KEEP_ALL_POSTINGS, 1);
    for (const id of [CNSNEWS, AFP_EUROPE1]) {
      const options = { exclude: [id], pageDate: dates.get(id), getText };
      const expected = alignFacts(texts.get(id)!, all, options);
      expect(expected.length).toBeGreaterThan(0);
      expect(alignFacts(texts.get(id)!, few, options)).toEqual(expected);
      expect(alignFacts(texts.get(id)!, mixed, options)).toEqual(expected);
      expect(alignFacts(texts.get(id)!, few, { ...options, exhaustive: true })).toEqual(alignFacts(texts.get(id)!, all, { ...options, exhaustive: true }));
    }
  });
});
