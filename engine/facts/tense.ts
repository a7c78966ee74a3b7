/**
 * Whether a sentence tells an act done or one to come: "the ECB raised its rates" and "we will
 * raise rates" are two facts, however many words they share. Read from auxiliaries and verb
 * endings, word by word (folded words): a rough reading that only has to tell the two apart where
 * both are plain. The bits sit above the act classes in SentenceCues.acts (events.ts has fewer
 * than 29 classes).
 */
export const TENSE_PAST = 1 << 29;
export const TENSE_FUTURE = 1 << 30;
export const TENSE_BITS = TENSE_PAST | TENSE_FUTURE;

/** "would" too: in news it is mostly a future told from the past ("said it would raise rates in July"). */
const EN_FUTURE = new Set(['will', 'shall', 'would']);
/** "plans to raise", "is set to", "intends to": an act announced, not done. */
const EN_INTENT = new Set(['plans', 'plan', 'intends', 'intend', 'set']);
const EN_AUX_PAST = new Set(['has', 'have', 'had', 'was', 'were']);
/** Common irregular past forms of news verbs (regular ones end in -ed); verbs of saying are left out, they date the telling, not the act. */
const EN_IRREGULAR_PAST = new Set(['won', 'lost', 'beat', 'broke', 'fell', 'took', 'gave', 'left', 'met', 'struck', 'hit', 'made', 'came', 'went', 'became', 'began', 'rose', 'swept', 'spoke', 'held', 'led', 'ran', 'shot', 'sent', 'caught', 'brought', 'thought', 'felt', 'killed']);
const EN_NOT_PAST = new Set(['need', 'speed', 'feed', 'seed', 'bed', 'red', 'shed', 'bred', 'hundred', 'indeed', 'united', 'related', 'based', 'expected', 'projected', 'estimated', 'scheduled']);

/** With a participle after them: "a relevé", "après avoir ravagé" (a past infinitive is an act done). */
const FR_AUX_PAST = new Set(['a', 'ont', 'avait', 'avaient', 'eu', 'ete', 'etait', 'etaient', 'avoir', 'etre']);
const FR_GO = new Set(['va', 'vont', 'allait', 'allaient']);
const FR_INTENT = new Set(['prevoit', 'prevoient', 'compte', 'comptent', 'envisage', 'envisagent', 'entend', 'entendent']);
/** French futures in -ra/-ront; words that only look like one. */
const FR_FUTURE_RE = /^[a-z]{2,}(?:era|eront|ira|iront|dra|dront|ra|ront)$/;
const FR_NOT_FUTURE = new Set(['camera', 'opera', 'sahara', 'extra', 'cobra', 'tora', 'aura', 'ultra', 'mantra', 'contra', 'libra', 'sierra', 'cathedra', 'pera', 'santiago', 'tiara', 'ora', 'fora', 'entre', 'plutra']);
/**
 * Past participles after an auxiliary, as written (accents kept: "relevé" is one, "relève" and
 * "ce" are not): "a relevé", "ont été tuées", "a pris", "a remporté", "a ouvert".
 */
const FR_PARTICIPLE_RE = /^[a-zàâäéèêëîïôöùûüç]{2,}(?:é|ée|és|ées|is|ise|ises|it|ite|u|us|ue|ues|ert|erte|eint|einte|ait)$/;
const INFINITIVE_RE = /(?:er|ir|re|oir)$/;
/** "s'est écrasé", "se sont rendus": with a reflexive pronoun before it, "être" is the auxiliary of a past act. */
const FR_ETRE = new Set(['est', 'sont', 'etait', 'etaient', 'suis', 'sommes', 'etes']);
const FR_REFLEXIVE = new Set(['s', 'se', 'm', 'me', 't', 'te', 'nous', 'vous']);
/**
 * Verbs whose past takes "être" without a pronoun ("est mort", "sont arrivés"): alone, "est" with a
 * participle is as often a state or a plan ("est prévu", "est attendu"), so only these count.
 */
const FR_ETRE_PARTICIPLE_RE = /^(?:mort|décédé|né|tombé|arrivé|parti|devenu|resté|venu|survenu|revenu|rentré|entré|sorti|retourné|descendu|monté)(?:e|s|es)?$/;

/**
 * `written(i)` gives word i as written (French participles are read with their accents, and a word
 * with a capital is a name: "Pokhara", "Sahara" are no futures).
 */
export function tenseOf(words: readonly string[], from: number, to: number, lang: 'fr' | 'en', written: (i: number) => string = (i) => words[i]): number {
  const lower = (i: number) => written(i).toLowerCase();
  let bits = 0;
  for (let i = from; i < to; i++) {
    const w = words[i];
    const next = i + 1 < to ? words[i + 1] : '';
    if (lang === 'en') {
      if (EN_FUTURE.has(w) || (w === 'll' && i > from)) bits |= TENSE_FUTURE;
      else if (EN_INTENT.has(w) && next === 'to') bits |= TENSE_FUTURE;
      else if (w === 'going' && next === 'to') bits |= TENSE_FUTURE;
      else if (EN_AUX_PAST.has(w) && next && next !== 'to' && next !== 'not') bits |= TENSE_PAST;
      else if (EN_IRREGULAR_PAST.has(w)) bits |= TENSE_PAST;
      else if (w.length >= 5 && w.endsWith('ed') && !EN_NOT_PAST.has(w)) bits |= TENSE_PAST;
    } else {
      // "a relevé", "a déjà relevé": the participle right after the auxiliary or one adverb on.
      if (FR_AUX_PAST.has(w) && ((i + 1 < to && FR_PARTICIPLE_RE.test(lower(i + 1))) || (i + 2 < to && FR_PARTICIPLE_RE.test(lower(i + 2))))) bits |= TENSE_PAST;
      else if (FR_ETRE.has(w) && i > from && FR_REFLEXIVE.has(words[i - 1]) && ((i + 1 < to && FR_PARTICIPLE_RE.test(lower(i + 1))) || (i + 2 < to && FR_PARTICIPLE_RE.test(lower(i + 2))))) bits |= TENSE_PAST;
      else if (FR_ETRE.has(w) && i + 1 < to && FR_ETRE_PARTICIPLE_RE.test(lower(i + 1))) bits |= TENSE_PAST;
      else if (FR_GO.has(w) && INFINITIVE_RE.test(next)) bits |= TENSE_FUTURE;
      else if (FR_INTENT.has(w) && (next === 'de' || next === 'd' || INFINITIVE_RE.test(next))) bits |= TENSE_FUTURE;
      else if (w.length >= 4 && FR_FUTURE_RE.test(w) && !FR_NOT_FUTURE.has(w) && !/^\p{Lu}/u.test(written(i))) bits |= TENSE_FUTURE;
    }
  }
  return bits;
}

/** One sentence tells only an act done and the other only one to come. */
export function tensesConflict(a: number, b: number): boolean {
  const ta = a & TENSE_BITS;
  const tb = b & TENSE_BITS;
  return (ta === TENSE_PAST && tb === TENSE_FUTURE) || (ta === TENSE_FUTURE && tb === TENSE_PAST);
}
