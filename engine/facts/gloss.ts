import glosses from '../data/glosses.json';
import glossStems from '../data/gloss-stems.json';
import type { FactLang } from './lexicon';

const TABLES: Record<FactLang, ReadonlyMap<string, string>> = {
  fr: new Map(Object.entries(glosses.fr)),
  en: new Map(Object.entries(glosses.en)),
};
const STEMS: Record<FactLang, ReadonlyMap<string, readonly string[]>> = {
  fr: new Map(Object.entries(glossStems.fr)),
  en: new Map(Object.entries(glossStems.en)),
};
const NONE: readonly string[] = [];

/**
 * The English stem a word stands for in the bilingual lexicon ("incendie", "fire" and "blaze" give
 * "fire"), or null when the lexicon does not know it. `stem` is the word's stem as stemOf gives it;
 * `foldedStem` that of its spelling without accents, for texts written without them. The table is
 * built ahead of time (gloss-table.ts, engine/data/glosses.json).
 */
export function glossOf(stem: string, foldedStem: string, lang: FactLang): string | null {
  const table = TABLES[lang];
  return table.get(stem) ?? table.get(foldedStem) ?? null;
}

/**
 * The stems of `lang` that stand for `gloss` (glossOf read backwards: "fire" in French gives "feu",
 * "incendi"...), accented and folded spellings alike (engine/data/gloss-stems.json).
 */
export function stemsOfGloss(gloss: string, lang: FactLang): readonly string[] {
  return STEMS[lang].get(gloss) ?? NONE;
}
