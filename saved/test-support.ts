import type { SavedComparison } from './types';

let n = 0;

/** A complete saved comparison for tests; `over` replaces whole fields. */
export function sampleSaved(over: Partial<SavedComparison> = {}): SavedComparison {
  n++;
  const exact = 'Vladimir Poutine a dit jeudi souhaiter des négociations rapides avec l’Otan';
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    savedAt: `2026-01-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    updatedAt: `2026-01-${String((n % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    page: { url: `https://news.example/article-${n}`, title: `Article ${n}` },
    passage: {
      text: exact,
      quote: { exact, prefix: 'MOSCOU, 16 déc. — Le président ', suffix: ' sur les garanties de sécurité.' },
      position: { start: 31, end: 31 + exact.length },
    },
    other: {
      dispatch: 'afp-europe1-2021-12-16',
      outlet: 'Europe 1',
      origin: 'AFP',
      chain: ['AFP', 'Europe 1'],
      date: '2021-12-16',
      title: 'Poutine veut des négociations rapides',
      text: 'Vladimir Poutine a dit jeudi vouloir des négociations rapides avec l’Otan',
      start: 120,
      end: 192,
    },
    kind: 'edited',
    quote: false,
    score: 0.9,
    diff: [
      { op: 0, text: 'Vladimir Poutine a dit jeudi ' },
      { op: -1, text: 'vouloir' },
      { op: 1, text: 'souhaiter' },
      { op: 0, text: ' des négociations rapides avec l’Otan' },
    ],
    note: '',
    tags: [],
    ...over,
  };
}
