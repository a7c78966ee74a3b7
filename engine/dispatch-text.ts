import type { Dispatch } from './types';

/** The text a dispatch is matched and displayed as; passage source offsets point into it. */
export function dispatchText(d: Pick<Dispatch, 'paragraphs'>): string {
  return d.paragraphs.join('\n\n');
}
