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

/** Records built to break out of the report: links to scripts, raw HTML, line breaks that start new blocks. */
export function hostileSaved(): SavedComparison[] {
  const base = sampleSaved();
  return [
    sampleSaved({ page: { url: 'javascript:alert(document.domain)', title: 'Titre\n\n<script>alert(1)</script>\n\n## 99. Faux' } }),
    sampleSaved({ page: { url: 'data:text/html,<script>alert(1)</script>', title: '[clic](javascript:alert(1))' } }),
    sampleSaved({
      page: { url: 'https://news.example/a\n<div onmouseover="alert(1)">\n\n---\n', title: 'Setext\n===' },
      other: { ...base.other, outlet: 'Europe 1\r<img src=x onerror=alert(1)>\r---', origin: '\u202EPFA', chain: ['AFP', '<b>x</b>\n# Titre'], title: '`code` & <i>' },
    }),
    sampleSaved({
      note: 'Une note\n- puce injectée\n1. liste\n<iframe src="javascript:alert(1)"></iframe>\n    code indenté\n&lt;déjà&gt; &#106;avascript:',
      tags: ['<a href="javascript:alert(1)">tag</a>', 'x\n## faux titre'],
      passage: { ...base.passage, text: 'Paragraphe\r\n---\r\n<!-- commentaire -->\r<javascript:alert(1)>' },
      hints: [{ type: 't', note: '[lien](javascript:alert(1)) ![img](data:image/svg+xml,<svg onload=alert(1)>)' }],
      diff: [
        { op: 0, text: 'Début\n' },
        { op: -1, text: '<script>' },
        { op: 1, text: '---\n## 98. Faux' },
        { op: 0, text: '\n- [x](javascript:alert(1))' },
      ],
      kind: '<b>sorte</b>',
    }),
    sampleSaved({ page: { url: 'https://news.example/ok?a=1&b=2', title: 'Une page normale' } }),
  ];
}
