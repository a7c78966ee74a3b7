import type { Dispatch, StoryVerdict } from '../engine/index';

type Source = Pick<Dispatch, 'id' | 'outlet' | 'origin' | 'chain'> & { language?: string };

const LANGUAGES: Record<string, string> = { fr: 'French', en: 'English' };

function languageName(tag: string): string {
  return LANGUAGES[tag.slice(0, 2).toLowerCase()] ?? tag;
}

/** "AFP via Europe 1", or the longer chain when the text went through more hands. */
export function describeSource(d: Source): string {
  if (d.chain.length > 2) return `${d.origin} via ${d.chain.slice(1).join(' → ')}`;
  if (d.outlet && d.outlet !== d.origin) return `${d.origin} via ${d.outlet}`;
  return d.origin || d.outlet || d.id;
}

/** Share of the page as a whole percentage, without rounding a small but real share down to nothing. */
export function percent(fraction: number): string {
  const p = fraction * 100;
  if (p > 0 && p < 0.5) return '<1%';
  return `${Math.round(p)}%`;
}

/** One sentence per dispatch, e.g. "republished from AFP via Europe 1: 72% of the page". */
export function verdictSentence(verdict: StoryVerdict, dispatch: Source | undefined): string {
  const source = dispatch ? describeSource(dispatch) : verdict.id;
  const share = `${percent(verdict.coverage)} of the page`;
  switch (verdict.relation) {
    case 'republished':
      return `republished from ${source}: ${share}`;
    case 'reuses-passages':
      return `reuses passages of ${source}: ${share}`;
    case 'shared-quotes':
      return `shares quotations with ${source}: ${share}`;
    case 'same-story':
      return `tells the same story as ${source}, in other words: ${share}`;
    case 'translated':
      return `translates ${source}${dispatch && 'language' in dispatch && dispatch.language ? ` (${languageName(dispatch.language)})` : ''}: ${percent(verdict.coverage)} of the page's sentences beside their original`;
  }
}
