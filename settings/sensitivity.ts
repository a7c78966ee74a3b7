import type { MatchOptions } from '../engine/index';

export const SENSITIVITIES = ['strict', 'normal', 'sensitive'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * How much shared text makes a passage. 'normal' passes nothing so the engine's calibrated
 * defaults (8 shared words, a run of 7, half the words identical) apply and stay in step with it.
 * 'strict' asks for about a sentence copied nearly whole; 'sensitive' goes down to one shingle
 * (5 words, the index's n-gram length: shorter runs cannot be found at all) and looser edits.
 */
const OPTIONS: Record<Sensitivity, MatchOptions> = {
  strict: { minWords: 12, minRunWords: 10, minScore: 0.7 },
  normal: {},
  sensitive: { minWords: 6, minRunWords: 5, minScore: 0.4 },
};

export function sensitivityOptions(level: Sensitivity): MatchOptions {
  return { ...OPTIONS[level] };
}

export function isSensitivity(value: unknown): value is Sensitivity {
  return typeof value === 'string' && (SENSITIVITIES as readonly string[]).includes(value);
}
