import { figuresOf, type FactsIndex } from '../facts/facts-index';
import { lowerBoundFrom } from '../sorted';
import type { SentenceVector } from '../facts/score';
import { glossFields, weighTerms } from '../facts/weigh-terms';
import type { FactSentence } from '../facts/terms';
import type { FactsView } from './facts-view';

/** A page sentence as a weighted vector over the corpus terms, with each segment's term indexes. */
export interface ViewVector extends SentenceVector {
  /** Per segment, its index of each term (-1 when it lacks it), in the order of `hashes`. */
  local: Int32Array[];
  /** Kind of each term as the corpus records it, and 1 when it is too common to propose candidates. */
  kinds: Uint8Array;
  common: Uint8Array;
  /** Live corpus sentences holding each term (Infinity for a common term of a whole index). */
  sentences: Float64Array;
}

/**
 * sentenceVector over a segmented index: the same weights (corpus-wide document frequencies) and
 * the same term order (hash order, which is the term order of every segment and of one index).
 */
export function viewVector(sentence: FactSentence, view: FactsView): ViewVector {
  const { found, glosses, norm, content, hasDayMonth, hasYear } = weighTerms(sentence, view.docs, (hash) => view.term(hash) ?? undefined, (stats) => stats.df);
  found.sort((a, b) => a.hash - b.hash);
  const hashes = Uint32Array.from(found, (e) => e.hash);
  return {
    sentence,
    lang: sentence.lang === 'en' ? 1 : 0,
    terms: hashes,
    weights: Float32Array.from(found, (e) => e.weight),
    hashes,
    ...glossFields(found, glosses),
    norm,
    content,
    passiveMass: 0,
    hasDayMonth,
    hasYear,
    figures: figuresOf(sentence.hits),
    local: view.parts.map((p) => localTerms(p.index, hashes)),
    kinds: Uint8Array.from(found, (e) => e.term.kind),
    common: Uint8Array.from(found, (e) => (view.isCommon(e.term) ? 1 : 0)),
    sentences: Float64Array.from(found, (e) => e.term.sentences),
  };
}

/**
 * Each hash's index in the segment's sorted keys, or -1. The hashes are increasing: each is sought
 * by galloping on from where the one before it was, a few probes near it rather than a binary
 * search of the whole segment (a page meets every segment with every term of every sentence).
 */
export function localTerms(index: FactsIndex, hashes: Uint32Array): Int32Array {
  const keys = index.keys;
  const out = new Int32Array(hashes.length);
  let at = 0;
  for (let i = 0; i < hashes.length; i++) {
    at = lowerBoundFrom(keys, hashes[i], at);
    out[i] = at < keys.length && keys[at] === hashes[i] ? at : -1;
  }
  return out;
}
