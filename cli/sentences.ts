/**
 * A plain sentence split for building benchmark text: after . ! ? … (and a closing quote),
 * before something that can start a sentence. Not the engine's segmentation, which handles
 * abbreviations; here a rare wrong cut only makes a synthetic sentence shorter.
 */
const BREAK_RE = /(?<=[.!?…](?:[\s\u00a0\u202f]?["»”’)])?)\s+(?=["«“(\p{Lu}\p{N}])/u;

export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n\s*\n|\n/)) {
    for (const s of paragraph.split(BREAK_RE)) {
      const t = s.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

export function splitWords(sentence: string): string[] {
  return sentence.split(/\s+/).filter(Boolean);
}
