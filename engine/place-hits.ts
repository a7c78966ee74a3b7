import { shingleHashes, winnow } from './shingles';
import { tokenize, type Tokens } from './tokenize';

/** The page a candidate's hits were found for: its text and words. */
export interface HitPage {
  text: string;
  tokens: Tokens;
}

/**
 * Where a candidate's hits are in its text. The text index holds which dispatches hold a
 * fingerprint, not where (see PackedText): a dispatch's n-th posting of a fingerprint is the n-th
 * shingle of it that winnowing picks in its text. `pairs` are (page word, fingerprint), the
 * postings met by one page word listed together, as lookup lists them; they are turned, in place,
 * into (page word, character offset of the shingle). A fingerprint the text no longer holds (a
 * text changed since it was indexed) drops its pairs.
 *
 * Each fingerprint is first looked for where the page's own words are found in the text (the
 * longest of its shingle's words, as the page writes it), each place checked by fingerprinting a
 * few words around it; only when that does not find all its postings is the whole text
 * fingerprinted as the index did. Returns the tokens of the whole text when it was.
 */
export function placeHits(text: string, k: number, w: number, pairs: number[], page: HitPage): Tokens | null {
  // Postings per fingerprint: the pairs of one page word.
  const places = new Map<number, number[]>();
  let whole: Tokens | null = null;
  // Many fingerprints in a short text: reading it whole costs less than checking each place.
  if ((pairs.length / 2) * (k + w) * WORD_CHARS >= text.length) {
    whole = placeAll(text, k, w, pairs, places);
    pairs.length = placeFrom(places, pairs);
    return whole;
  }
  // The fingerprints, each with its postings count and a page word starting a shingle of it.
  const hashes: number[] = [];
  const distinct = new Set<number>();
  const counts: number[] = [];
  const words: number[] = [];
  for (let h = 0; h < pairs.length; ) {
    const word = pairs[h];
    const hash = pairs[h + 1];
    let m = 0;
    while (h < pairs.length && pairs[h] === word && pairs[h + 1] === hash) (h += 2), m++;
    if (distinct.has(hash)) continue;
    distinct.add(hash);
    hashes.push(hash);
    counts.push(m);
    words.push(word);
  }
  const found = placesNear(text, k, w, hashes, words, page);
  for (let f = 0; f < hashes.length; f++) {
    const list = found[f]?.length === counts[f] ? found[f] : placesOf(text, k, w, hashes[f], counts[f], page, words[f]);
    if (list) places.set(hashes[f], list);
    else {
      whole = placeAll(text, k, w, pairs, places);
      break;
    }
  }
  pairs.length = placeFrom(places, pairs);
  return whole;
}

/**
 * The places of each fingerprint found where the longest word of its shingle on the page is found
 * in the text, in text order (null for one whose word is met too often). The words around the
 * places are read in stretches, one for places close together: a shared passage holds a
 * fingerprint every few words.
 */
function placesNear(text: string, k: number, w: number, hashes: number[], words: number[], page: HitPage): (number[] | null)[] {
  const found: (number[] | null)[] = hashes.map(() => []);
  // Places to check, each as one number that sorts them by character: c * 2^19 + j * 2^16 + f
  // (exact below 2^53: texts under 2^31 characters, shingles of under 8 words, 2^16 fingerprints).
  const met: number[] = [];
  const { starts, ends } = page.tokens;
  // Where each word was found: neighbouring fingerprints share words.
  const seen = new Map<string, number[]>();
  for (let f = 0; f < hashes.length; f++) {
    const at = words[f];
    if (at + k > page.tokens.count || k > 8 || f >= 2 ** 16) {
      found[f] = null;
      continue;
    }
    // The shingle as the page writes it: where the text copies it, found once or so.
    let j = 0;
    const phrase = page.text.slice(starts[at], ends[at + k - 1]);
    let where = occurrences(text, phrase, seen);
    // Or in lower case (a heading, a word the page capitalises).
    if (where.length === 0 && phrase.toLowerCase() !== phrase) where = occurrences(text, phrase.toLowerCase(), seen);
    if (where.length === 0) {
      // Written otherwise in the text (spaces, punctuation): its longest word.
      for (let i = 1; i < k; i++) if (ends[at + i] - starts[at + i] > ends[at + j] - starts[at + j]) j = i;
      where = occurrences(text, page.text.slice(starts[at + j], ends[at + j]), seen);
    }
    if (where.length > MAX_TRIES) found[f] = null;
    else for (const c of where) met.push(c * 2 ** 19 + j * 2 ** 16 + f);
  }
  const order = Float64Array.from(met).sort();
  const cOf = (x: number) => Math.floor(x / 2 ** 19);
  const jOf = (x: number) => Math.floor(x / 2 ** 16) % 8;
  for (let i = 0; i < order.length; ) {
    // A stretch: the places whose words overlap.
    let from = Math.max(0, cOf(order[i]) - (jOf(order[i]) + w) * WORD_CHARS);
    let to = cOf(order[i]) + (k + w - jOf(order[i])) * WORD_CHARS;
    let end = i + 1;
    while (end < order.length && cOf(order[end]) - (jOf(order[end]) + w) * WORD_CHARS <= to) {
      to = Math.max(to, cOf(order[end]) + (k + w - jOf(order[end])) * WORD_CHARS);
      end++;
    }
    to = Math.min(text.length, to);
    while (from > 0 && !betweenWords(text.charCodeAt(from - 1))) from--;
    const tokens = tokenize(text, false, from, to);
    const shingles = shingleHashes(tokens.hashes, k);
    for (; i < end; i++) {
      const c = cOf(order[i]);
      const j = jOf(order[i]);
      const f = order[i] % 2 ** 16;
      const list = found[f];
      if (!list) continue;
      let place = judge(tokens, shingles, from === 0, to === text.length, k, w, hashes[f], c, j);
      if (place === null) place = checkPlace(text, k, w, hashes[f], c, j);
      if (place === null) found[f] = null;
      else if (place >= 0) list.push(place);
    }
  }
  return found;
}

/** Pairs (page word, fingerprint) turned in place into (page word, offset) from `places`: the new length. */
function placeFrom(places: Map<number, number[]>, pairs: number[]): number {
  let out = 0;
  for (let h = 0; h < pairs.length; ) {
    const word = pairs[h];
    const hash = pairs[h + 1];
    const list = places.get(hash);
    for (let nth = 0; h < pairs.length && pairs[h] === word && pairs[h + 1] === hash; h += 2, nth++) {
      if (!list || nth >= list.length) continue;
      pairs[out++] = word;
      pairs[out++] = list[nth];
    }
  }
  return out;
}

/** Every winnowed place of every fingerprint of `pairs`, in `places`, from the whole text. */
function placeAll(text: string, k: number, w: number, pairs: number[], places: Map<number, number[]>): Tokens {
  const wanted = new Set<number>();
  for (let h = 1; h < pairs.length; h += 2) wanted.add(pairs[h]);
  places.clear();
  return winnowedPlaces(text, k, w, wanted, places);
}

/**
 * The text fingerprinted whole as the index does (same shingles, same winnowing): the character
 * offset of each winnowed shingle whose fingerprint is `wanted`, in text order, added to `places`
 * by fingerprint. Returns the text's tokens.
 */
export function winnowedPlaces(text: string, k: number, w: number, wanted: ReadonlySet<number>, places: Map<number, number[]>): Tokens {
  const tokens = tokenize(text);
  const shingles = shingleHashes(tokens.hashes, k);
  const picked = winnow(shingles, w);
  for (let i = 0; i < picked.length; i++) {
    const hash = shingles[picked[i]];
    if (!wanted.has(hash)) continue;
    let list = places.get(hash);
    if (!list) places.set(hash, (list = []));
    list.push(tokens.starts[picked[i]]);
  }
  return tokens;
}

/** Places of words checked at most, per fingerprint. */
const MAX_TRIES = 32;

/** Characters of a word and the space after it, about: what a place's check reads at first per word it needs (doubled while too few). */
const WORD_CHARS = 8;

/** Where `needle` is in the text, up to MAX_TRIES + 1 places; `seen` keeps those looked for. */
function occurrences(text: string, needle: string, seen: Map<string, number[]>): number[] {
  let where = seen.get(needle);
  if (where) return where;
  where = [];
  for (let c = text.indexOf(needle); c >= 0 && where.length <= MAX_TRIES; c = text.indexOf(needle, c + 1)) where.push(c);
  seen.set(needle, where);
  return where;
}

/**
 * The places of `hash` in the text, in text order, found from the words of its shingle as page word
 * `at` starts it: where a word is found as the page writes it (or in lower case), and winnowing
 * picks a shingle of that hash there. The longest words first (the fewest places to check), until
 * one gives the `m` places the index holds. Null when none does; the caller then fingerprints the
 * whole text.
 */
function placesOf(text: string, k: number, w: number, hash: number, m: number, page: HitPage, at: number): number[] | null {
  const { starts, ends } = page.tokens;
  if (at + k > page.tokens.count) return null;
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => ends[at + b] - starts[at + b] - (ends[at + a] - starts[at + a]));
  let tries = 0;
  // The shingle in lower case (-1), then its words.
  for (const j of [-1, ...order]) {
    const raw = j < 0 ? page.text.slice(starts[at], ends[at + k - 1]) : page.text.slice(starts[at + j], ends[at + j]);
    const lower = raw.toLowerCase();
    for (const needle of lower === raw ? [raw] : [raw, lower]) {
      const out: number[] = [];
      let c = text.indexOf(needle);
      for (; c >= 0; c = text.indexOf(needle, c + 1)) {
        // A word met everywhere (a short one): fingerprinting the whole text is as quick.
        if (++tries > MAX_TRIES) return null;
        const place = checkPlace(text, k, w, hash, c, Math.max(0, j));
        if (place === null) return null;
        if (place >= 0) out.push(place);
      }
      if (out.length === m) return out;
    }
  }
  return null;
}

/**
 * Whether the word at character c, as word j of a shingle, starts a shingle of `hash` that
 * winnowing picks: its character offset if so, -1 if not, null when it cannot tell.
 */
function checkPlace(text: string, k: number, w: number, hash: number, c: number, j: number): number | null {
  // Words needed: the w - 1 shingles before and after the one the word is in, and their words.
  for (let reach = WORD_CHARS; reach <= 16 * WORD_CHARS; reach *= 2) {
    // From a point between words, the words met are those the whole text's tokenizing meets.
    let from = Math.max(0, c - reach * (j + w));
    while (from > 0 && !betweenWords(text.charCodeAt(from - 1))) from--;
    const to = Math.min(text.length, c + reach * (k + w - j));
    const tokens = tokenize(text, false, from, to);
    const place = judge(tokens, null, from === 0, to === text.length, k, w, hash, c, j);
    if (place !== null) return place;
  }
  return null;
}

/**
 * checkPlace on the words of a stretch of the text (`shingles` theirs, or null to make): null when
 * the stretch holds too few words around c to tell. `atStart`, `atEnd`: the stretch starts or ends
 * the text.
 */
function judge(tokens: Tokens, shingles: Uint32Array | null, atStart: boolean, atEnd: boolean, k: number, w: number, hash: number, c: number, j: number): number | null {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens.starts[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  const tc = lo;
  if (tc === tokens.count || tokens.starts[tc] !== c) return -1;
  const t = tc - j;
  if (t < 0) return atStart ? -1 : null;
  // Shingles t - w + 1 .. t + w - 1 decide whether t is picked: their words must be in reach.
  if ((!atStart && t - (w - 1) < 0) || (!atEnd && t + w - 1 + k > tokens.count)) return null;
  const n = tokens.count - k + 1;
  if (t >= n) return -1;
  // A text of w shingles or fewer keeps its least one alone: not told apart here.
  if (atStart && atEnd && n <= w) return null;
  const sh = shingles ?? shingleHashes(tokens.hashes, k);
  if (sh[t] !== hash) return -1;
  for (let s = Math.max(0, t - w + 1); s <= t; s++) {
    if (atEnd && s + w > n) break;
    let best = s;
    for (let i = s + 1; i < s + w; i++) if (sh[i] <= sh[best]) best = i;
    if (best === t) return tokens.starts[t];
  }
  return -1;
}

/** An ASCII character that is no part of a word: every word ends before it and none starts with it. */
function betweenWords(code: number): boolean {
  return code < 128 && !((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122));
}
