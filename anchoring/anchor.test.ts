import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT } from '../saved/types';
import { anchorPassage } from './anchor';

const P1 = 'Le président russe Vladimir Poutine a dit jeudi souhaiter des négociations rapides avec l’Otan sur les garanties de sécurité exigées par Moscou.';
const P2 = 'Ces propositions ont été transmises mercredi aux États-Unis, a précisé le Kremlin, qui attend une réponse « dans les plus brefs délais ».';
const P3 = 'Les Occidentaux accusent la Russie d’avoir massé quelque 100 000 soldats à la frontière ukrainienne en vue d’une possible invasion.';
const P4 = 'Le chef de l’Etat a dénoncé lors de sa conférence de presse annuelle le comportement « agressif » de l’Alliance atlantique.';
const original = [P1, P2, P3, P4].join('\n\n');

/** The selectors a save would record for `passage` in `text`. */
function selectorsFor(text: string, passage: string, from = 0) {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error('passage not in text');
  const end = start + passage.length;
  return {
    quote: { exact: passage, prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start), suffix: text.slice(end, end + QUOTE_CONTEXT) },
    position: { start, end },
  };
}

function found(text: string, a: ReturnType<typeof anchorPassage>): string {
  if (a.status === 'orphaned') throw new Error('orphaned');
  return text.slice(a.start, a.end);
}

describe('anchorPassage', () => {
  it('finds the quote at its saved position', () => {
    const s = selectorsFor(original, P2);
    expect(anchorPassage(original, s.quote, s.position)).toEqual({ status: 'exact', start: s.position.start, end: s.position.end, similarity: 1 });
  });

  it('finds the unchanged quote when text was added above it', () => {
    const s = selectorsFor(original, P3);
    const text = `Mise à jour : ajout de précisions.\n\n${original}`;
    const a = anchorPassage(text, s.quote, s.position);
    expect(a.status).toBe('exact');
    expect(found(text, a)).toBe(P3);
  });

  it('among repeats of the quote, takes the one whose context matches, even far from the old position', () => {
    const sentence = 'a déclaré le porte-parole du Kremlin, Dmitri Peskov';
    const text = `Selon lui, ${sentence}, rien n’est décidé. ${'Autre texte. '.repeat(20)}Pourtant, ${sentence}, la porte reste ouverte.`;
    const secondStart = text.lastIndexOf(sentence);
    const s = selectorsFor(text, sentence, secondStart);
    // The page was shortened in between: the saved offset now points near the first repeat.
    const shorter = text.replace('Autre texte. '.repeat(20), 'Autre texte. ');
    const a = anchorPassage(shorter, s.quote, { start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length });
    expect(a.status).toBe('exact');
    if (a.status === 'orphaned') return;
    expect(a.start).toBe(shorter.lastIndexOf(sentence));
  });

  it('with identical contexts, takes the repeat nearest the old position', () => {
    const unit = 'Même phrase répétée ici. ';
    const text = unit.repeat(6);
    const target = unit.length * 4;
    const s = { exact: 'Même phrase', prefix: '', suffix: '' };
    const a = anchorPassage(`X${text}`, s, { start: target, end: target + 11 });
    expect(a).toMatchObject({ status: 'exact', start: target + 1 });
  });

  it('anchors fuzzily on a passage with a word changed and says how similar it is', () => {
    const s = selectorsFor(original, P3);
    const edited = P3.replace('100 000 soldats', '120 000 militaires');
    const text = original.replace(P3, edited);
    const a = anchorPassage(text, s.quote, s.position);
    expect(a.status).toBe('fuzzy');
    expect(found(text, a)).toBe(edited);
    if (a.status !== 'orphaned') expect(a.similarity).toBeGreaterThan(0.85);
  });

  it('anchors fuzzily when words were added at the start and the passage moved', () => {
    const s = selectorsFor(original, P2);
    const edited = `Selon l’agence, ${P2.replace('mercredi ', '')}`;
    const text = `Chapô ajouté par la rédaction.\n\n${original.replace(P2, edited)}`;
    const a = anchorPassage(text, s.quote, s.position);
    expect(a.status).toBe('fuzzy');
    const got = found(text, a);
    // The range may or may not take in the added words; it must hold the saved sentence's body.
    expect(edited.includes(got)).toBe(true);
    expect(got).toContain('Ces propositions ont été transmises aux États-Unis');
    expect(got.endsWith('délais ».')).toBe(true);
  });

  it('anchors a short quote with a typo fixed', () => {
    const text = 'Il a parlé de garanties de sécuritée exigées. Puis il est parti.';
    const s = selectorsFor(text, 'garanties de sécuritée exigées');
    const fixed = text.replace('sécuritée', 'sécurité');
    const a = anchorPassage(fixed, s.quote, s.position);
    expect(a.status).toBe('fuzzy');
    expect(found(fixed, a)).toBe('garanties de sécurité exigées');
  });

  it('leaves a passage orphaned rather than placing it on a lookalike paragraph', () => {
    const s = selectorsFor(original, P3);
    // Same template, other actors and figures: a reader would not call it the same passage.
    const lookalike = 'Les Américains accusent la Chine d’avoir massé quelque 40 000 marins près de Taïwan en vue d’un possible blocus.';
    const text = original.replace(P3, lookalike);
    expect(anchorPassage(text, s.quote, s.position)).toEqual({ status: 'orphaned' });
  });

  it('is orphaned when the passage is gone from the page', () => {
    const s = selectorsFor(original, P4);
    const text = [P1, P2, P3].join('\n\n');
    expect(anchorPassage(text, s.quote, s.position)).toEqual({ status: 'orphaned' });
    expect(anchorPassage('', s.quote, s.position)).toEqual({ status: 'orphaned' });
  });

  it('a stricter threshold turns a heavily rewritten passage into an orphan', () => {
    const s = selectorsFor(original, P1);
    const rewritten = 'Vladimir Poutine a dit jeudi vouloir des négociations rapides avec l’Alliance sur les garanties exigées par la Russie.';
    const text = original.replace(P1, rewritten);
    const loose = anchorPassage(text, s.quote, s.position, { threshold: 0.5 });
    expect(loose.status).toBe('fuzzy');
    expect(anchorPassage(text, s.quote, s.position, { threshold: 0.95 })).toEqual({ status: 'orphaned' });
  });
});
