import { originsOfSpan } from '../paragraph-origin';
import type { Dispatch, Span } from '../types';
import type { PassageCopy } from './types';

/**
 * A corpus dispatch as one copy of a passage, for inferOrigin: its outlet and date, and as credits
 * the origins its record states for the paragraphs the passage spans (those other than the outlet
 * itself: an outlet that is its own origin credits nobody). A passage within one source of the
 * record counts as covered by that credit; one straddling paragraphs of several sources (the AFP
 * and RT paragraphs of a mixed copy) only weakly.
 */
export function copyOfDispatch(d: Pick<Dispatch, 'outlet' | 'origin' | 'origins' | 'paragraphs' | 'date'>, span: Pick<Span, 'start' | 'end'>): PassageCopy {
  const origins = originsOfSpan(d, span);
  return {
    outlet: d.outlet,
    published: d.date,
    credits: origins.filter((o) => o !== d.outlet).map((agency) => ({ agency })),
    whole: origins.length === 1,
  };
}
