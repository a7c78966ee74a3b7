import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits words at apostrophes, quotes and dashes, keeping original offsets', () => {
    const text = 'L’Otan «\u00a0non-élargissement\u00a0» 94\u00a0000 soldats';
    const t = tokenize(text, true);
    const raw = Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
    expect(raw).toEqual(['L', 'Otan', 'non', 'élargissement', '94', '000', 'soldats']);
    expect(t.words).toEqual(['l', 'otan', 'non', 'elargissement', '94', '000', 'soldats']);
  });

  it('gives the same word hashes to two typographies of one sentence', () => {
    const a = tokenize('l’OTAN a « violé » ses promesses — selon Moscou');
    const b = tokenize('L\'Otan a "viole" ses promesses - selon MOSCOU');
    expect(Array.from(a.hashes)).toEqual(Array.from(b.hashes));
  });

  it('keeps combining marks inside words and handles scripts without case', () => {
    const t = tokenize('cafe\u0301 東京 مرحبا 𝐀bc', true);
    expect(t.words).toEqual(['cafe', '東京', 'مرحبا', 'abc']);
  });
});
