import { describe, expect, it } from 'vitest';
import { alignWith } from '../align-page';
import { buildIndex } from '../corpus-index';
import { buildFactsIndex } from '../facts/facts-index';
import { groupStories } from './group';
import { linksOf } from './links';
import type { StoryArticle } from './types';

const WIRE = [
  'Le gouvernement a présenté mercredi un projet de loi visant à réduire de moitié les délais de construction des parcs éoliens en mer, une mesure réclamée depuis des années par les industriels du secteur.',
  'Selon le ministère de la Transition énergétique, les procédures administratives pourront désormais être menées en parallèle, ce qui permettrait de gagner jusqu’à cinq ans sur chaque chantier.',
  'Les associations de pêcheurs ont dénoncé un texte qui, selon elles, sacrifie leurs zones de travail au profit des énergéticiens, et annoncent des rassemblements dans plusieurs ports bretons.',
  'Le projet doit être examiné par le Sénat au printemps, avant une adoption définitive espérée avant l’été par le gouvernement.',
];
// One word changed: the second copy hedges what the wire states ("sacrifie" becomes "sacrifierait").
const EDITED = WIRE.map((p) => p.replace('sacrifie leurs zones', 'sacrifierait leurs zones'));
const UNRELATED = [
  'Le club de football de la ville a remporté samedi soir son troisième match consécutif devant un stade comble, grâce à un doublé de son jeune attaquant formé au centre.',
  'L’entraîneur a salué l’état d’esprit de son équipe, tout en appelant ses joueurs à rester concentrés avant le déplacement difficile de la semaine prochaine.',
];

interface Made extends StoryArticle {
  paragraphs: string[];
}

function article(id: string, outlet: string, paragraphs: string[], extra: Partial<StoryArticle> = {}): Made {
  return { id, outlet, title: paragraphs[0].slice(0, 40), date: '2025-03-12', readAt: '2025-03-12T18:00:00.000Z', language: 'fr', credits: [], paragraphs, ...extra };
}

/** Every article read against the others, as the background does with the corpus. */
function stories(articles: Made[]) {
  const texts = new Map(articles.map((a) => [a.id, a.paragraphs.join('\n\n')]));
  const docs = articles.map((a) => ({ id: a.id, text: texts.get(a.id)!, date: a.date, language: a.language }));
  const indexes = { index: buildIndex(docs), facts: buildFactsIndex(docs) };
  const ids = new Set(texts.keys());
  const alignments = articles.map((a) =>
    linksOf(a.id, alignWith(texts.get(a.id)!, indexes, (id) => texts.get(id), { date: a.date, language: 'fr', exclude: [a.id] }, {}), (id) => ids.has(id)),
  );
  return groupStories(articles, alignments);
}

describe('groupStories', () => {
  it('groups a wire story republished by two sites, with the agency as origin, and leaves an unrelated article out', () => {
    const found = stories([
      article('read-a', 'Le Figaro', WIRE, { credits: ['AFP'], readAt: '2025-03-12T09:00:00.000Z' }),
      article('read-b', 'Ouest-France', EDITED, { credits: ['AFP'], readAt: '2025-03-12T10:00:00.000Z' }),
      article('read-c', 'La Voix du Sport', UNRELATED, { readAt: '2025-03-13T10:00:00.000Z' }),
    ]);
    expect(found).toHaveLength(1);
    const [story] = found;
    expect(story.articles.map((a) => a.id).sort()).toEqual(['read-a', 'read-b']);
    expect(story.origin.origin).toBe('AFP');
    expect(story.edges).toHaveLength(1);
    expect(story.edges[0]).toMatchObject({ text: true, from: null, via: 'AFP' });
    expect(story.edges[0].aCopied).toBeGreaterThan(0.9);
    expect(story.edges[0].bCopied).toBeGreaterThan(0.9);
    expect(story.copied['read-a']).toBeGreaterThan(0.9);
    expect(story.graph.nodes).toEqual([
      { name: 'AFP', kind: 'agency' },
      { name: 'Le Figaro', kind: 'outlet' },
      { name: 'Ouest-France', kind: 'outlet' },
    ]);
    expect(story.graph.arrows.map((a) => `${a.from}>${a.to}:${a.kind}`).sort()).toEqual(['AFP>Le Figaro:copy', 'AFP>Ouest-France:copy']);
    expect(story.latestReadAt).toBe('2025-03-12T10:00:00.000Z');
    // The changed word is the sharpest framing difference: a hedge in the edited version only.
    expect(story.framing[0]).toMatchObject({ article: 'read-b', other: 'read-a', hint: { type: 'hedging', page: { text: 'sacrifierait' } } });
  });

  it('points from the earlier outlet when nobody is credited', () => {
    const [story] = stories([
      article('read-late', 'Ouest-France', EDITED, { date: '2025-03-14', readAt: '2025-03-14T10:00:00.000Z' }),
      article('read-early', 'Le Figaro', WIRE, { date: '2025-03-10', readAt: '2025-03-14T09:00:00.000Z' }),
    ]);
    expect(story.articles.map((a) => a.id)).toEqual(['read-early', 'read-late']);
    expect(story.edges[0]).toMatchObject({ a: 'read-early', b: 'read-late', from: 'read-early', via: null, confidence: 'likely' });
    expect(story.graph.nodes.map((n) => n.kind)).toEqual(['outlet', 'outlet']);
    expect(story.graph.arrows).toEqual([expect.objectContaining({ from: 'Le Figaro', to: 'Ouest-France', kind: 'copy' })]);
  });

  it('draws no arrow when the two versions credit different agencies on the same day', () => {
    const [story] = stories([
      article('read-a', 'Le Figaro', WIRE, { credits: ['AFP'] }),
      article('read-b', 'Ouest-France', EDITED, { credits: ['Reuters'] }),
    ]);
    expect(story.origin.confidence).toBe('unknown');
    expect(story.origin.reasons).toContainEqual({ kind: 'credits-conflict', agencies: expect.arrayContaining(['AFP', 'Reuters']) });
    expect(story.edges[0]).toMatchObject({ text: true, from: null, via: null, confidence: 'unknown' });
    expect(story.graph.arrows).toEqual([expect.objectContaining({ kind: 'shared' })]);
    expect(story.graph.nodes.every((n) => n.kind === 'outlet')).toBe(true);
  });

  it('lists stories newest first, by the latest reading of any article', () => {
    const older = stories([
      article('read-a', 'Le Figaro', WIRE, { readAt: '2025-03-01T09:00:00.000Z' }),
      article('read-b', 'Ouest-France', EDITED, { readAt: '2025-03-20T09:00:00.000Z' }),
      article('read-c', 'La Voix du Sport', UNRELATED, { readAt: '2025-03-10T09:00:00.000Z' }),
      article('read-d', 'Sud Ouest', UNRELATED.map((p) => p.replace('samedi soir', 'dimanche soir')), { readAt: '2025-03-11T09:00:00.000Z' }),
    ]);
    expect(older.map((s) => s.articles.map((a) => a.id).sort().join())).toEqual(['read-a,read-b', 'read-c,read-d']);
  });

  it('links articles by text only, never by a single shared fact, and ignores links to articles it was not given', () => {
    const articles = [article('read-a', 'A', WIRE), article('read-b', 'B', UNRELATED)];
    const fact = { other: 'read-b', coverage: 0, passages: 0, translated: 0, facts: 1, hints: [] };
    expect(groupStories(articles, [{ id: 'read-a', links: [fact] }])).toEqual([]);
    expect(groupStories(articles, [{ id: 'read-a', links: [{ ...fact, facts: 2 }] }])).toHaveLength(1);
    // Weeks apart, the same facts are background, not the same story; shared text still links.
    const apart = [article('read-a', 'A', WIRE, { date: '2025-01-02' }), article('read-b', 'B', UNRELATED, { date: '2025-03-12' })];
    expect(groupStories(apart, [{ id: 'read-a', links: [{ ...fact, facts: 5 }] }])).toEqual([]);
    expect(groupStories(apart, [{ id: 'read-a', links: [{ ...fact, passages: 1, coverage: 0.2 }] }])).toHaveLength(1);
    expect(groupStories(articles, [{ id: 'read-a', links: [{ ...fact, other: 'gone', passages: 3 }] }])).toEqual([]);
    const translation = { other: 'read-a', coverage: 0.8, passages: 4, translated: 4, facts: 0, hints: [] };
    const [translated] = groupStories([article('read-a', 'The Guardian', WIRE, { date: '2025-03-05', language: 'en' }), article('read-b', 'Le Soir', UNRELATED)], [{ id: 'read-b', links: [translation] }]);
    expect(translated.edges[0]).toMatchObject({ from: 'read-a', translated: true, bCopied: 0.8 });
    expect(translated.graph.arrows).toEqual([{ from: 'The Guardian', to: 'Le Soir', kind: 'copy', copied: 0.8, translated: true }]);
    const [alone] = groupStories(articles, [], true);
    expect(alone.edges).toEqual([]);
  });
});
