import { describe, expect, it } from 'vitest';
import { buildIndex } from './corpus-index';
import { match } from './match';
import { OWN_FRENCH, realPageTexts } from './test-support/pages';
import { SEED_PREFIXES, seedText } from './test-support/seeds';
import type { MatchResult } from './types';

const texts = new Map<string, string>(SEED_PREFIXES.map((id) => [id, seedText(id)]));
const fullIndex = buildIndex([...texts].map(([id, text]) => ({ id, text })));
const getText = (id: string) => texts.get(id);

function indexOf(...ids: string[]) {
  return buildIndex(ids.map((id) => ({ id, text: texts.get(id)! })));
}

function sentenceOf(id: string, startsWith: string): string {
  const text = texts.get(id)!;
  const at = text.indexOf(startsWith);
  if (at < 0) throw new Error(`"${startsWith}" not in ${id}`);
  const end = text.indexOf('. ', at);
  return text.slice(at, end < 0 ? undefined : end + 1);
}

function expectConsistentOffsets(page: string, result: MatchResult) {
  for (const p of result.passages) {
    expect(page.slice(p.page.start, p.page.end)).toBe(p.page.text);
    expect(texts.get(p.dispatch)!.slice(p.source.start, p.source.end)).toBe(p.source.text);
    expect(p.diff.filter((d) => d.op !== -1).map((d) => d.text).join('')).toBe(p.page.text);
  }
}

describe('match: the two AFP dispatches (000 and 001)', () => {
  const page = texts.get('000')!;
  const result = match(page, indexOf('001'), getText);

  it('finds the verbatim runs they share', () => {
    const verbatim = result.passages.filter((p) => p.kind === 'verbatim').map((p) => p.page.text);
    expect(verbatim).toContain('Joe Biden estime que tout pays doit pouvoir "choisir librement" avec qui s\'associer');
    expect(verbatim.some((t) => t.includes('promesses ni de concessions'))).toBe(true);
    expectConsistentOffsets(page, result);
  });

  it('finds the lightly edited sentences, with their diff', () => {
    const edited = result.passages.filter((p) => p.kind === 'edited');
    const guarantees = edited.find((p) => p.page.text.includes('non-élargissement'));
    expect(guarantees).toBeDefined();
    // 000 adds the Ukraine clause that 001 leaves out.
    expect(guarantees!.diff.some((d) => d.op === 1 && d.text.includes('lié à son soutien à l\'Ukraine'))).toBe(true);
    expect(guarantees!.score).toBeGreaterThan(0.7);
  });

  it('calls the relation reuse of passages, with the coverage measured on the page', () => {
    expect(result.dispatches).toHaveLength(1);
    const v = result.dispatches[0];
    expect(v.id).toBe('001');
    expect(v.relation).toBe('reuses-passages');
    expect(v.coverage).toBeGreaterThan(0.15);
    expect(v.coverage).toBeLessThan(0.4);
  });

  it('is symmetric enough: 001 reuses passages of 000 too', () => {
    const back = match(texts.get('001')!, indexOf('000'), getText);
    expect(back.dispatches.map((d) => [d.id, d.relation])).toEqual([['000', 'reuses-passages']]);
  });
});

describe('match: nothing spurious', () => {
  it('finds no narration shared between the seeds that only report the same story', () => {
    for (const id of ['002', '003', '004']) {
      const others = SEED_PREFIXES.filter((x) => x !== id);
      const result = match(texts.get(id)!, indexOf(...others), getText);
      expect(result.passages.filter((p) => !p.quote)).toEqual([]);
    }
  });

  it('finds nothing in 108 real pages unrelated to the corpus', () => {
    for (const { name, text } of realPageTexts()) {
      const result = match(text, fullIndex, getText);
      expect(result.passages, name).toEqual([]);
    }
  });

  it('finds nothing in French text of its own', () => {
    expect(match(OWN_FRENCH.join(' '), fullIndex, getText).passages).toEqual([]);
  });

  it('does not count a stock attribution phrase or a photo credit as reuse', () => {
    const page = [
      OWN_FRENCH[0],
      '"Nous verrons bien", a déclaré le Kremlin dans un communiqué.',
      OWN_FRENCH[1],
      'Le président ukrainien Volodymyr Zelensky. (Photo de John Thys/AFP via Getty Images)',
      OWN_FRENCH[2],
    ].join(' ');
    expect(match(page, fullIndex, getText).passages).toEqual([]);
  });
});

describe('match: republished and edited text inside a page of its own', () => {
  const sentence = sentenceOf('000', 'Vladimir Poutine a en outre proposé');

  it('flags a verbatim copy whatever the quote marks, apostrophes and spaces', () => {
    const retyped = sentence.replace(/'/g, '’');
    const page = `${OWN_FRENCH[0]} ${retyped} ${OWN_FRENCH[1]}`;
    const result = match(page, fullIndex, getText);
    const hit = result.passages.find((p) => p.dispatch === '000');
    expect(hit?.kind).toBe('verbatim');
    expect(hit?.page.text).toBe(retyped.replace(/\.$/, ''));
    expectConsistentOffsets(page, result);
  });

  it('flags a sentence with one word changed as edited, with that word in the diff', () => {
    const changed = sentence.replace('lever toutes les mesures', 'supprimer toutes les mesures');
    const page = `${OWN_FRENCH[0]} ${changed} ${OWN_FRENCH[1]}`;
    const hit = match(page, fullIndex, getText).passages.find((p) => p.dispatch === '000');
    expect(hit?.kind).toBe('edited');
    expect(hit?.diff).toContainEqual({ op: 1, text: 'supprimer ' });
    expect(hit?.diff).toContainEqual({ op: -1, text: 'lever ' });
    expect(hit!.page.text.startsWith('Vladimir Poutine a en outre proposé')).toBe(true);
  });

  it('flags a sentence with a clause dropped as edited', () => {
    const dropped = sentence.replace(' prises ces derniers mois en pleines tensions entre les Etats-Unis et la Russie', '');
    expect(dropped).not.toBe(sentence);
    const page = `${OWN_FRENCH[2]} ${dropped} ${OWN_FRENCH[3]}`;
    const hit = match(page, fullIndex, getText).passages.find((p) => p.dispatch === '000');
    expect(hit?.kind).toBe('edited');
    expect(hit?.diff.some((d) => d.op === -1 && d.text.includes('prises ces derniers mois'))).toBe(true);
  });

  it('keeps one passage per page paragraph, each with its own kind, across a crosshead the page leaves out', () => {
    const paragraphs = texts.get('000')!.split('\n\n');
    const changed = paragraphs[2].replace('censé mettre fin', 'supposé mettre fin');
    const page = [paragraphs[0], changed, paragraphs[3]].join('\n\n');
    const own = match(page, indexOf('000'), getText).passages;
    expect(own.map((p) => p.kind)).toEqual(['verbatim', 'edited', 'verbatim']);
    expect(own.map((p) => p.page.text)).toEqual([
      paragraphs[0].replace(/\.$/, ''),
      changed.replace(/\.$/, ''),
      paragraphs[3].replace(/\.$/, ''),
    ]);
  });

  it('does not count a dateline the page leaves out as an edit of the first sentence', () => {
    const source = 'PARIS 3 mars (AFP) – Le gouvernement a présenté mercredi un plan de rénovation des écoles rurales sur cinq ans.';
    const index = buildIndex([{ id: 'wire', text: source }]);
    const page = `${OWN_FRENCH[0]}\n\nLe gouvernement a présenté mercredi un plan de rénovation des écoles rurales sur cinq ans.`;
    const [hit] = match(page, index, () => source).passages;
    expect(hit.kind).toBe('verbatim');
    expect(hit.source.text.startsWith('Le gouvernement')).toBe(true);
  });

  it('marks shared words inside quotation marks as a quotation, and the relation as shared quotes', () => {
    const quote = '« L’Otan fait des tentatives dangereuses d’user du territoire ukrainien et développe son potentiel militaire à nos frontières »';
    const page = `${OWN_FRENCH[0]} Le Kremlin a répété : ${quote}, selon un porte-parole. ${OWN_FRENCH[1]}`;
    const result = match(page, indexOf('000'), getText);
    expect(result.passages).toHaveLength(1);
    expect(result.passages[0].quote).toBe(true);
    expect(result.dispatches[0].relation).toBe('shared-quotes');
  });
});
