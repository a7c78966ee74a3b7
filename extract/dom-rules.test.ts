import { describe, expect, it } from 'vitest';
import { textMetrics } from './dom-rules';

/** The plain definition, one Unicode test per character: the fast path must agree with it everywhere. */
function reference(text: string) {
  const isCjk = (c: number) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
  const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f;
  const isComma = (c: number) => c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0x060c;
  let chars = 0;
  let words = 0;
  let commas = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 12) chars++;
    if (isSpace(c)) inWord = false;
    else if (isCjk(c)) {
      words++;
      inWord = false;
    } else {
      if (!inWord) words++;
      inWord = true;
      if (isComma(c)) commas++;
    }
  }
  return { chars, words, commas };
}

describe('textMetrics', () => {
  it('counts French typography, CJK, Arabic commas and every kind of space as the plain definition does', () => {
    const samples = [
      '',
      'Le « chat », dit-il\u00a0: oui\u202fnon.',
      '東京都、日本。 漢字かなカナ，終わり',
      'a\tb\nc\rd\fe  f,g\u2009h\u3000i\u200bj،k',
      '   lead and trail   ',
    ];
    for (const s of samples) expect(textMetrics(s)).toEqual(reference(s));
  });

  it('agrees with the plain definition on random text over the characters it tells apart', () => {
    const alphabet = ' \n\t\r\f\u00a0\u3000\u2000\u200b\u202f,\uff0c\u3001\u060c\u3042\u4e00\uf900a\u00e9Z0-\u00ab\u00bb\u2019.';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 500; n++) {
      let s = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      expect(textMetrics(s), JSON.stringify(s)).toEqual(reference(s));
    }
  });
});
