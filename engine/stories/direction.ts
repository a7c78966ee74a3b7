import { inferOrigin, type OriginInference, type PassageCopy } from '../origin';
import type { StoryArticle } from './types';

/** A remembered article as one copy of the text it shares: whole, dated, read, with what it credits. */
export function copyOfArticle(a: StoryArticle): PassageCopy {
  return { outlet: a.outlet, published: a.date || undefined, read: a.readAt, credits: a.credits.map((agency) => ({ agency })), whole: true };
}

/**
 * Which of two articles sharing text copies the other, from the likely origin of their text
 * (credits first, then publication dates): `from` when one outlet wrote it first, `via` when both
 * most likely copy an agency that neither of them is.
 */
export function directionOf(a: StoryArticle, b: StoryArticle): { from: string | null; via: string | null; inference: OriginInference } {
  const inference = inferOrigin([copyOfArticle(a), copyOfArticle(b)]);
  const origin = inference.origin;
  if (!origin || a.outlet === b.outlet) return { from: null, via: null, inference };
  if (origin === a.outlet) return { from: a.id, via: null, inference };
  if (origin === b.outlet) return { from: b.id, via: null, inference };
  return { from: null, via: origin, inference };
}
