import { mix32 } from './hash';

/**
 * Hash of every run of `k` consecutive words, at the index of its first word. Order matters:
 * "a b c" and "c b a" hash differently.
 */
export function shingleHashes(words: Uint32Array, k: number): Uint32Array {
  const n = words.length - k + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[i];
    for (let j = 1; j < k; j++) {
      h = Math.imul((h << 5) | (h >>> 27), 0x9e3779b1) ^ words[i + j];
    }
    out[i] = mix32(h);
  }
  return out;
}

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003): keep the minimum hash of every window of `w`
 * shingles, rightmost on ties. Any run of at least w + k - 1 words shared by two texts keeps at
 * least one common fingerprint, while only about 2/(w+1) of the shingles are stored.
 */
export function winnow(hashes: Uint32Array, w: number): Uint32Array {
  const n = hashes.length;
  if (n === 0) return new Uint32Array(0);
  if (n <= w) return new Uint32Array([argminRight(hashes, 0, n)]);
  const picked: number[] = [];
  let last = -1;
  for (let start = 0; start + w <= n; start++) {
    let min: number;
    if (last >= start) {
      // The previous minimum is still in the window: only the new shingle can beat it.
      const j = start + w - 1;
      min = hashes[j] <= hashes[last] ? j : last;
    } else {
      min = argminRight(hashes, start, start + w);
    }
    if (min !== last) {
      picked.push(min);
      last = min;
    }
  }
  return Uint32Array.from(picked);
}

function argminRight(a: Uint32Array, from: number, to: number): number {
  let best = from;
  for (let i = from + 1; i < to; i++) if (a[i] <= a[best]) best = i;
  return best;
}
