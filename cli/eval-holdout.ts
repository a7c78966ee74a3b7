import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPairs, storySentences, type EvalPair, type EvalSentence, type EvalStory } from './eval-set';

/**
 * Set C (tests/eval/holdout): stories that no rule, weight or threshold is ever chosen on. Halves
 * A and B of tests/eval/stories have both been read while the engine was tuned, so neither is
 * unseen any more; C is scored only in aggregate, at a threshold chosen on A, and its errors are
 * never listed.
 */
export const HOLDOUT_NAME = 'C';

/** What set C must keep holding for its figures to mean something (tests/eval/LABELLING.md). */
export const HOLDOUT_MIN = {
  stories: 6,
  /** Stories with articles in both French and English. */
  bilingualStories: 4,
  /** Per story: articles from this many different outlets. */
  outletsPerStory: 4,
  pairs: 250,
  same: 60,
  /** Share of TOPIC pairs (hard negatives) among the evaluated pairs, of the set and of each story. */
  topicShare: 1 / 3,
  /** Per story: SAME pairs, so that no story is there for its negatives alone. */
  samePerStory: 10,
} as const;

export interface StorySet {
  names: string[];
  stories: EvalStory[];
  sentences: EvalSentence[];
}

/** Every story file of a folder, in name order. */
export function loadStorySet(dir: string): StorySet {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const names = files.map((f) => f.replace(/\.json$/, ''));
  const stories = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as EvalStory);
  return { names, stories, sentences: stories.flatMap((s, i) => storySentences(names[i], s)) };
}

const countLabel = (pairs: readonly EvalPair[], label: string) => pairs.filter((p) => p.label === label).length;

/**
 * The counts of HOLDOUT_MIN that `set` falls short of, one line each (empty when it meets them
 * all). Pairs are built over the whole set, as `npm run eval` builds them.
 */
export function holdoutShortfalls(set: StorySet, pairs: readonly EvalPair[] = buildPairs(set.sentences)): string[] {
  const out: string[] = [];
  const m = HOLDOUT_MIN;
  if (set.names.length < m.stories) out.push(`${set.names.length} stories, fewer than ${m.stories}`);
  const bilingual = set.stories.filter((s) => new Set(Object.values(s.articles).map((a) => a.lang)).size === 2).length;
  if (bilingual < m.bilingualStories) out.push(`${bilingual} stories in both French and English, fewer than ${m.bilingualStories}`);
  if (pairs.length < m.pairs) out.push(`${pairs.length} pairs, fewer than ${m.pairs}`);
  if (countLabel(pairs, 'SAME') < m.same) out.push(`${countLabel(pairs, 'SAME')} SAME pairs, fewer than ${m.same}`);
  if (countLabel(pairs, 'TOPIC') < m.topicShare * pairs.length) out.push(`TOPIC pairs ${countLabel(pairs, 'TOPIC')}/${pairs.length}, under a third`);
  set.names.forEach((name, i) => {
    const outlets = new Set(Object.values(set.stories[i].articles).map((a) => a.outlet.trim().toLowerCase()));
    if (outlets.size < m.outletsPerStory) out.push(`${name}: articles from ${outlets.size} outlets, fewer than ${m.outletsPerStory}`);
    const own = pairs.filter((p) => p.a.story === name && p.label !== 'UNRELATED');
    const same = countLabel(own, 'SAME');
    const topic = countLabel(own, 'TOPIC');
    if (same < m.samePerStory) out.push(`${name}: ${same} SAME pairs, fewer than ${m.samePerStory}`);
    if (topic < m.topicShare * own.length) out.push(`${name}: TOPIC pairs ${topic}/${own.length}, under a third`);
  });
  return out;
}

/**
 * Which half `--errors=<half>` may list: A or B, or every pair of A and B when no half is named.
 * Set C is refused, with the reason, so that its misses can never steer a rule or a threshold.
 */
export function errorsHalfOf(arg: string | undefined): { half?: 'A' | 'B'; refusal?: string } {
  if (arg === undefined) return {};
  const half = arg.split('=')[1]?.trim().toUpperCase();
  if (!half) return {};
  if (half === 'A' || half === 'B') return { half };
  if (half === HOLDOUT_NAME)
    return {
      refusal:
        `--errors=${HOLDOUT_NAME} is refused: set ${HOLDOUT_NAME} (tests/eval/holdout) is held out, and reading its errors would make it one more set the engine is tuned on. ` +
        'Its figures are printed in aggregate only; read the errors of half A (--errors=A), which the rules are tuned on.',
    };
  return { refusal: `--errors=${half}: no such half; use --errors=A or --errors=B (set ${HOLDOUT_NAME} is held out and never listed)` };
}
