import type { CreditPlace } from '../credits';

/** One agency a copy credits, as engine/credits finds it. */
export interface CopyCredit {
  agency: string;
  /** Where the copy credits it; a credit 'inside' the text (a dateline between paragraphs) counts for less. */
  place?: CreditPlace;
}

/** One copy of the passage whose origin is sought. */
export interface PassageCopy {
  outlet: string;
  /** Publication date as the copy states it: YYYY-MM-DD or an ISO date-time. */
  published?: string;
  /** When the reader read it (an ISO date-time): the copy was published before. */
  read?: string;
  credits: CopyCredit[];
  /** True when the copy is the whole article; false when the passage is part of a longer text. */
  whole: boolean;
}

/**
 * stated: the copies say who wrote it and nothing says otherwise; likely: the evidence points one
 * way but is incomplete or contradicted; unknown: it does not point anywhere.
 */
export type Confidence = 'stated' | 'likely' | 'unknown';

/** Why: data, worded by the interface in the reader's language. */
export type Reason =
  /** These outlets credit the agency; weak when only partial copies or credits inside the text do. */
  | { kind: 'credited'; agency: string; outlets: string[]; weak: boolean }
  /** The copies credit different agencies. */
  | { kind: 'credits-conflict'; agencies: string[] }
  /** This copy was published before every other, by at least `leadHours`. */
  | { kind: 'earliest'; outlet: string; date: string; leadHours: number }
  /** These copies were published too close together (or too vaguely dated) to tell which came first. */
  | { kind: 'same-time'; outlets: string[] }
  /** This copy, which credits nobody, was published before any copy crediting the agency. */
  | { kind: 'earlier-uncredited'; outlet: string; agency: string }
  /** The earliest copy is only part of a longer text: it may quote rather than originate. */
  | { kind: 'earliest-is-part'; outlet: string }
  /** These copies state no publication date: any of them may be the first. */
  | { kind: 'dates-missing'; outlets: string[] }
  /** No copy credits anyone and no date tells them apart. */
  | { kind: 'no-evidence' };

export interface OriginInference {
  /** The agency or outlet that most likely wrote the passage first; null when unknown. */
  origin: string | null;
  confidence: Confidence;
  /** The origin, then the copies' outlets from the earliest (undated ones last), each once. */
  chain: string[];
  reasons: Reason[];
}
