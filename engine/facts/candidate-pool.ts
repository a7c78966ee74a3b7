import type { FactsView } from '../segments/facts-view';

/**
 * The candidate search of alignFacts: the squared weights of a page sentence's walked terms summed
 * per corpus sentence (by handle), then the sentences that could still reach the threshold. Its
 * loops are small functions of their own, called with typed arrays only: a path taken for the first
 * time (the first removed dispatch, say) then sends back to the interpreter one short loop, not the
 * whole alignment, and V8 compiles each loop on its own once it is hot.
 */
export interface Scratch {
  /** Per sentence handle, the weight summed so far (0: not touched yet). */
  acc: Float32Array;
  /** Handles touched, in the order touched, and the segment of each. */
  touched: Uint32Array;
  touchedPart: Uint16Array;
  /** Partial score of each pooled candidate. */
  partial: Float32Array;
}

let scratch: Scratch = { acc: new Float32Array(0), touched: new Uint32Array(0), touchedPart: new Uint16Array(0), partial: new Float32Array(0) };

/**
 * Buffers for a corpus of `sentences` sentences, made once and reused. acc, read by handle, covers
 * every sentence, with a little to spare: a write adds a few sentences, and remaking it on the first
 * alignment after each write would cost more than that alignment. The touched lists hold only the
 * sentences one page sentence's walk reaches (a few thousand): they grow as a walk needs (roomFor).
 */
export function scratchFor(sentences: number): Scratch {
  if (scratch.acc.length < sentences) scratch = { ...scratch, acc: new Float32Array(sentences + (sentences >>> 5)) };
  return scratch;
}

/** Makes room in the touched lists for `n` sentences (at most every sentence of acc), keeping those noted. */
export function roomFor(s: Scratch, n: number): void {
  if (s.touched.length >= n) return;
  const size = Math.min(Math.max(n, s.touched.length * 2, 4096), s.acc.length);
  const touched = new Uint32Array(size);
  const touchedPart = new Uint16Array(size);
  touched.set(s.touched);
  touchedPart.set(s.touchedPart);
  s.touched = touched;
  s.touchedPart = touchedPart;
  s.partial = new Float32Array(size);
}

/**
 * Adds w2 to every sentence of one varint postings list (bytes from..end, sentence ids of segment g
 * from handle `base`), noting the sentences touched for the first time; returns the touched count.
 * forEachPosting, inlined: the hottest loop of the alignment.
 */
export function addPostings(
  acc: Float32Array,
  touched: Uint32Array,
  touchedPart: Uint16Array,
  nTouched: number,
  postings: Uint8Array,
  from: number,
  end: number,
  base: number,
  g: number,
  w2: number,
): number {
  let h = base;
  for (let e = from; e < end; ) {
    let b = postings[e++];
    let gap = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = postings[e++];
      gap |= (b & 0x7f) << shift;
    }
    h += gap;
    if (acc[h] === 0) {
      touchedPart[nTouched] = g;
      touched[nTouched++] = h;
    }
    acc[h] += w2;
  }
  return nTouched;
}

/** addPostings for a list of plain sentence ids (postings read from the forward lists). */
export function addList(acc: Float32Array, touched: Uint32Array, touchedPart: Uint16Array, nTouched: number, list: Uint32Array, base: number, g: number, w2: number): number {
  for (let j = 0; j < list.length; j++) {
    const h = base + list[j];
    if (acc[h] === 0) {
      touchedPart[nTouched] = g;
      touched[nTouched++] = h;
    }
    acc[h] += w2;
  }
  return nTouched;
}

/**
 * Empties acc of the touched sentences and appends to `pool` those that could still reach the
 * threshold once the passive terms are counted (their partial scores go to scratch.partial): a
 * shared term adds its squared weight to the dot product and takes as much from the candidate's
 * own mass, so the passive terms add at most min(passive, what is left of it). Sentences of
 * excluded dispatches are left out.
 */
export function collectPool(
  view: FactsView,
  excluded: readonly (Uint8Array | null)[],
  { acc, touched, touchedPart, partial }: Scratch,
  nTouched: number,
  passive: number,
  limit: number,
  pool: number[],
): void {
  // touchedPart holds 16-bit segment numbers: past that many segments each is searched for.
  const wide = view.parts.length > 0x10000;
  // Per segment, read once.
  const sentDocs = view.parts.map((p) => p.index.sentDoc);
  const bases = view.bases;
  for (let t = 0; t < nTouched; t++) {
    const h = touched[t];
    const a = acc[h];
    acc[h] = 0;
    const g = wide ? view.partOf(h) : touchedPart[t];
    const s = h - bases[g];
    const dead = excluded[g];
    if (dead !== null && dead[sentDocs[g][s]]) continue;
    const n = view.norm(g, s);
    if (a + Math.min(passive, n * n - a) >= limit * n) {
      partial[pool.length] = a / n;
      pool.push(h);
    }
  }
}
