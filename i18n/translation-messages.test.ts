import { describe, expect, it } from 'vitest';
import { translationEn, translationFr } from './translation-messages';

describe('translation messages', () => {
  it('have the same placeholders in French and English', () => {
    for (const [key, en] of Object.entries(translationEn)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(translationFr[key as keyof typeof translationEn]), key).toEqual(names(en));
    }
  });

  it('follow French typography: ’, « » and no-break spaces before : ; ! ?', () => {
    for (const [key, fr] of Object.entries(translationFr)) {
      expect(fr, key).not.toMatch(/'/);
      expect(fr, key).not.toMatch(/[^\u00a0][:;!?](\s|$)/);
      expect(fr, key).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
      expect(fr, key).not.toMatch(/"/);
    }
  });
});
