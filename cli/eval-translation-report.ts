import { join } from 'node:path';
import { CONFIDENT_PAIR, TRANSLATED_MIN_COVERAGE, TRANSLATED_MIN_PAIRS } from '../engine/translation/translation';
import { translationsFound } from './eval-translation-found';
import { loadTranslationPairs, sameStoryPairs, scoreTranslationPair } from './eval-translation';

/**
 * The translation section of `npm run eval`: real English/French translation pairs, each
 * translated sentence checked against its hand-aligned original, then every French/English
 * article pair of the labelled stories (same story, never a translation) read as a page.
 */
export function printTranslationEval(evalDir: string): void {
  const pairs = loadTranslationPairs(join(evalDir, 'translations'));
  console.log();
  console.log(`Translations: ${pairs.length} real English/French pairs (tests/eval/translations), pairs trusted from a score of ${CONFIDENT_PAIR}`);
  console.log('  pair                     orig  paired with true original   wrong   coverage   verdict');
  const totals = { tuned: { correct: 0, all: 0, wrong: 0 }, heldOut: { correct: 0, all: 0, wrong: 0 } };
  for (const pair of pairs) {
    const s = scoreTranslationPair(pair);
    const t = pair.heldOut ? totals.heldOut : totals.tuned;
    t.correct += s.correct;
    t.all += s.withOriginal;
    t.wrong += s.wrong;
    console.log(
      `  ${(pair.name + (pair.heldOut ? ' *' : '')).padEnd(24)} ${pair.original}    ${`${s.correct}/${s.withOriginal}`.padStart(6)} (${pct(s.correct, s.withOriginal)})` +
        `            ${String(s.wrong).padStart(3)}     ${s.coverage.toFixed(3)}     ${s.translated ? 'translated' : 'not translated'}`,
    );
  }
  const all = { correct: totals.tuned.correct + totals.heldOut.correct, all: totals.tuned.all + totals.heldOut.all, wrong: totals.tuned.wrong + totals.heldOut.wrong };
  console.log(`  all: ${all.correct}/${all.all} (${pct(all.correct, all.all)}) paired with their true original, ${all.wrong} with another sentence`);
  if (totals.heldOut.all) {
    console.log(`  * held out (added after the aligner and lexicon were tuned on the others): ${totals.heldOut.correct}/${totals.heldOut.all} (${pct(totals.heldOut.correct, totals.heldOut.all)})`);
  }
  const found = translationsFound(pairs);
  const missed = found.filter((f) => !f.found);
  const misnamed = found.filter((f) => f.wrong.length);
  console.log(
    `Found on their own (each version read as a page against the seeds and every other version): ${found.length - missed.length}/${found.length} directions called a translation of their original` +
      `${missed.length ? ` (missed: ${missed.map((f) => `${f.name} ${f.page}`).join(', ')})` : ''}; ${misnamed.length} called a translation of another dispatch`,
  );
  const stories = sameStoryPairs(join(evalDir, 'stories'));
  const wrong = stories.filter((o) => o.translated);
  const top = stories.filter((o) => o.sentences >= TRANSLATED_MIN_PAIRS).sort((a, b) => b.coverage - a.coverage)[0];
  console.log(
    `Same story, other language, not a translation: ${stories.length} article pairs, ${wrong.length} called a translation (${pct(wrong.length, stories.length)}); ` +
      `verdict from a coverage of ${TRANSLATED_MIN_COVERAGE}` + (top ? `; highest coverage of a page of ${TRANSLATED_MIN_PAIRS} sentences or more ${top.coverage} (${top.story} ${top.a}/${top.b}, ${top.sentences} sentences)` : ''),
  );
  for (const o of wrong) console.log(`  - ${o.story} ${o.a}/${o.b} coverage ${o.coverage}`);
  // Set C is counted, never listed: its pairs are not read to adjust the verdict.
  const heldOut = sameStoryPairs(join(evalDir, 'holdout'));
  const heldOutWrong = heldOut.filter((o) => o.translated).length;
  console.log(`  held-out C: ${heldOut.length} article pairs, ${heldOutWrong} called a translation (${pct(heldOutWrong, heldOut.length)})`);
}

function pct(a: number, b: number): string {
  return b ? `${((a / b) * 100).toFixed(1)} %` : '-';
}
