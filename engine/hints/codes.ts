/**
 * Every hint code framingHints can give, with the params it fills: an interface translating hints
 * keys its messages on these (and can test that it knows them all).
 */
export const HINT_CODES = {
  'credit-differs': ['page', 'source'],
  'credit-only-page': ['page'],
  'credit-only-source': ['source'],
  'verb-stance-differs': ['page', 'source', 'pageStance', 'sourceStance'],
  'verb-only-page': ['page', 'pageStance'],
  'verb-only-source': ['source', 'sourceStance'],
  'hedge-only-page': ['word'],
  'hedge-only-source': ['word'],
  'quote-words-differ': ['page', 'source'],
  'quoted-only-page': ['quote'],
  'quoted-only-source': ['quote'],
  'quote-only-page': ['quote'],
  'quote-only-source': ['quote'],
  'loaded-only-page': ['word'],
  'loaded-only-source': ['word'],
  'number-differs': ['page', 'source'],
  'number-only-page': ['word'],
  'number-only-source': ['word'],
  'date-differs': ['page', 'source'],
  'date-only-page': ['word'],
  'date-only-source': ['word'],
  'entity-only-page': ['word'],
  'entity-only-source': ['word'],
  'clause-only-page': ['text'],
  'clause-only-source': ['text'],
} as const satisfies Record<string, readonly string[]>;

export type HintCode = keyof typeof HINT_CODES;

/** Stances of reporting verbs, the values of the pageStance / sourceStance params. */
export const STANCES = ['neutral', 'assertive', 'accusatory', 'distancing'] as const;
