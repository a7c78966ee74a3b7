import { describe, expect, it } from 'vitest';
import { bundledCorpus } from '../../corpus/bundled';
import { buildIndex } from '../corpus-index';
import { dispatchText } from '../dispatch-text';
import { match } from '../match';
import type { Hint, Span } from '../types';
import { HINT_CODES } from './codes';
import { framingHints } from './framing';
import { withHints } from './with-hints';

/** Each sentence inside a longer text, so that offsets into the full text are tested. */
function versions(page: string, source: string) {
  const pageText = `Titre de la page.\n\n${page}\n\nFin.`;
  const sourceText = `Autre début, sans rapport.\n\n${source}`;
  const span = (text: string, part: string): Span => {
    const start = text.indexOf(part);
    return { start, end: start + part.length, text: part };
  };
  const pageSpan = span(pageText, page);
  const sourceSpan = span(sourceText, source);
  const hints = framingHints(pageText, pageSpan, sourceText, sourceSpan, 'fr');
  for (const h of hints) {
    expect(pageText.slice(h.page.start, h.page.end)).toBe(h.page.text);
    expect(sourceText.slice(h.source.start, h.source.end)).toBe(h.source.text);
    if (!h.page.text) expect(h.page.start).toBe(pageSpan.start);
    if (!h.source.text) expect(h.source.start).toBe(sourceSpan.start);
    expect(h.note.length).toBeGreaterThan(10);
    expect(Object.keys(HINT_CODES)).toContain(h.code);
    expect(Object.keys(h.params).sort()).toEqual([...HINT_CODES[h.code as keyof typeof HINT_CODES]].sort());
  }
  return hints;
}

const find = (hints: Hint[], code: string) => hints.find((h) => h.code === code);

describe('framingHints', () => {
  it('finds no difference between two identical versions', () => {
    const s = 'Le Kremlin a dénoncé « une provocation » de l\'Otan, qui aurait massé 94 000 soldats près de la frontière.';
    expect(versions(s, s)).toEqual([]);
  });

  it('marks the hedge "prétendues" against promises stated as broken (promises to Gorbachev)', () => {
    const hints = versions(
      "Moscou soutient que l'Occident a violé de prétendues assurances données au dirigeant soviétique Mikhaïl Gorbatchev.",
      "Moscou souligne que les Occidentaux ont violé leurs promesses faites après la chute de l'Union soviétique.",
    );
    const hedge = find(hints, 'hedge-only-page');
    expect(hedge).toMatchObject({ type: 'hedging', page: { text: 'prétendues' }, source: { text: '' }, params: { word: 'prétendues' } });
    expect(find(hints, 'verb-stance-differs')?.params).toMatchObject({ page: 'soutient', source: 'souligne', pageStance: 'distancing', sourceStance: 'assertive' });
  });

  it('compares who is credited and with which verb: "le Kremlin a dénoncé" vs "selon lui"', () => {
    const hints = versions(
      "Le Kremlin a dénoncé une nouvelle provocation de l'Otan près de la frontière.",
      "Selon lui, l'Otan a mené une manœuvre près de la frontière.",
    );
    expect(find(hints, 'credit-differs')).toMatchObject({ type: 'attribution', page: { text: 'Le Kremlin' }, source: { text: 'Selon lui' } });
    expect(find(hints, 'verb-only-page')).toMatchObject({ type: 'attribution', page: { text: 'dénoncé' }, params: { pageStance: 'accusatory' } });
  });

  it('finds the speaker after the verb in an incise', () => {
    const hints = versions(
      '"Les discussions ont été franches", a déclaré le Kremlin.',
      '"Les discussions ont été franches", a indiqué la Maison Blanche.',
    );
    expect(find(hints, 'credit-differs')).toMatchObject({ page: { text: 'le Kremlin' }, source: { text: 'la Maison Blanche' } });
    expect(find(hints, 'verb-stance-differs')).toBeUndefined();
  });

  it('marks the loaded word "destructrice" present in one version only', () => {
    const afp = dispatchText(bundledCorpus.find((d) => d.id.startsWith('afp-europe1'))!);
    const sentence = 'Il a aussi dénoncé "la ligne destructrice de Kiev" qui, selon lui, cherche à "démonter" les accords de Minsk de 2015';
    const start = afp.indexOf(sentence);
    const page = "Vladimir Poutine a reproché à Kiev de vouloir défaire les accords de Minsk.";
    const hints = framingHints(page, { start: 0, end: page.length, text: page }, afp, { start, end: start + sentence.length, text: sentence }, 'fr');
    const loaded = hints.find((h) => h.type === 'loaded' && h.params.word === 'destructrice');
    expect(loaded?.code).toBe('loaded-only-source');
    expect(afp.slice(loaded!.source.start, loaded!.source.end)).toBe('destructrice');
    expect(hints.some((h) => h.code === 'quote-only-source' && h.params.quote === '"la ligne destructrice de Kiev"')).toBe(true);
    expect(hints.some((h) => h.code === 'date-only-source' && h.params.word === '2015')).toBe(true);
  });

  it('pairs numbers that differ: 94 000 vs 100 000', () => {
    const hints = versions(
      "Les États-Unis et l'Ukraine ont accusé la Russie d'avoir amassé jusqu'à 94 000 soldats près de la frontière ukrainienne.",
      'Les services ukrainiens évaluent désormais à 100 000 le nombre de militaires russes massés près de la frontière.',
    );
    expect(find(hints, 'number-differs')).toMatchObject({ type: 'numbers', page: { text: '94 000' }, source: { text: '100 000' } });
  });

  it('tells a claim quoted in one version and stated as fact in the other', () => {
    const hints = versions(
      "Le Kremlin réclame des « garanties juridiques » contre l'élargissement de l'Otan.",
      "Le Kremlin réclame des garanties juridiques contre l'élargissement de l'Otan.",
    );
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ type: 'quotation', code: 'quoted-only-page', page: { text: '« garanties juridiques »' }, source: { text: '' } });
  });

  it('tells two translations of one statement quoted in different words', () => {
    const hints = versions(
      "« Nous ne tolérerons aucune expansion de l'Otan », a déclaré Vladimir Poutine.",
      "« Nous n'accepterons aucune expansion de l'Alliance », a déclaré Vladimir Poutine.",
    );
    expect(find(hints, 'quote-words-differ')).toMatchObject({ type: 'quotation' });
  });

  it('tells the conditional mood and English hedges', () => {
    const fr = versions('La Russie aurait massé 100 000 soldats à la frontière.', 'La Russie a massé 100 000 soldats à la frontière.');
    expect(fr.map((h) => h.code)).toEqual(['hedge-only-page']);
    expect(fr[0].page.text).toBe('aurait');
    const en = versions('Putin demanded legal guarantees from Biden.', 'Putin allegedly demanded legal guarantees from Biden.');
    expect(en.map((h) => [h.code, h.source.text])).toEqual([['hedge-only-source', 'allegedly']]);
  });

  it('tells a clause one version adds, and names it leaves out', () => {
    const hints = versions(
      "Joe Biden a menacé la Russie de sanctions, alors que l'Occident accuse Moscou de piloter des attaques informatiques.",
      'Joe Biden a menacé la Russie de sanctions.',
    );
    expect(find(hints, 'clause-only-page')?.page.text).toBe("l'Occident accuse Moscou de piloter des attaques informatiques");
    // Who accuses is told once, as attribution, not again as a name the other version lacks.
    expect(find(hints, 'credit-only-page')?.page.text).toBe("l'Occident");
    expect(find(hints, 'entity-only-page')).toBeUndefined();
    const named = versions('Joe Biden a menacé la Russie de sanctions économiques, selon Jake Sullivan.', 'Joe Biden a menacé Moscou de sanctions économiques.');
    expect(named.filter((h) => h.type === 'entities')).toEqual([]);
    const other = versions('Joe Biden a menacé la Russie et la Biélorussie de sanctions.', 'Joe Biden a menacé la Russie de sanctions.');
    expect(find(other, 'entity-only-page')?.params.word).toBe('Biélorussie');
  });

  it('reads a passive voice ("accusé par") as crediting its agent', () => {
    const hints = versions(
      'Moscou est accusé par les pays occidentaux de préparer une invasion.',
      'Moscou prépare une invasion, selon Washington.',
    );
    expect(find(hints, 'credit-differs')).toMatchObject({ page: { text: 'les pays occidentaux' }, source: { text: 'selon Washington' } });
  });
});

describe('framingHints in English', () => {
  it('compares credits and verbs: "said the Kremlin" vs "according to the White House, … claimed"', () => {
    const hints = versions(
      'Russia has massed 100,000 troops near the border, the Kremlin said.',
      'According to the White House, Russia allegedly massed 100,000 troops near the border.',
    );
    expect(find(hints, 'credit-differs')).toMatchObject({ page: { text: 'the Kremlin' }, source: { text: 'According to the White House' } });
    expect(find(hints, 'hedge-only-source')?.params.word).toBe('allegedly');
  });
});

describe('withHints', () => {
  it('adds hints to edited passages found by match()', () => {
    const afp = bundledCorpus.find((d) => d.id.startsWith('afp-europe1'))!;
    const source = dispatchText(afp);
    const original = 'a assuré mardi son conseiller à la sécurité nationale Jake Sullivan';
    expect(source).toContain(original);
    const page = source.replace(original, 'a dénoncé mardi son conseiller à la sécurité nationale Jake Sullivan');
    const getText = (id: string) => (id === afp.id ? source : undefined);
    const result = match(page, buildIndex([{ id: afp.id, text: source }]), getText);
    const passages = withHints(result.passages, page, getText);
    expect(passages.every((p) => Array.isArray(p.hints))).toBe(true);
    const edited = passages.find((p) => p.kind === 'edited' && p.page.text.includes('a dénoncé mardi'));
    expect(edited?.hints?.find((h) => h.code === 'verb-stance-differs')?.params).toMatchObject({ page: 'dénoncé', source: 'assuré' });
    expect(passages.filter((p) => p.kind === 'verbatim').every((p) => p.hints!.length === 0)).toBe(true);
  });
});

describe('sharpestHint', () => {
  it('prefers a hedge to a missing name, and says nothing without hints', async () => {
    const { sharpestHint } = await import('./sharpest');
    const hints = versions(
      "Moscou soutient que l'Occident a violé de prétendues assurances données au dirigeant soviétique Mikhaïl Gorbatchev.",
      "Moscou souligne que les Occidentaux ont violé leurs promesses faites après la chute de l'Union soviétique.",
    );
    expect(sharpestHint(hints)?.code).toBe('hedge-only-page');
    expect(sharpestHint([])).toBeUndefined();
    expect(sharpestHint(undefined)).toBeUndefined();
  });
});
