import { describe, expect, it } from 'vitest';
import { nameSpan } from './framing';

const span = (text: string, start = 10) => ({ start, end: start + text.length, text });

describe('nameSpan', () => {
  it('drops the article from a name, and moves the span past it', () => {
    expect(nameSpan(span('la Russie'))).toEqual({ start: 13, end: 19, text: 'Russie' });
    expect(nameSpan(span("l'Ukraine"))).toEqual({ start: 12, end: 19, text: 'Ukraine' });
    expect(nameSpan(span('the Kremlin'))).toEqual({ start: 14, end: 21, text: 'Kremlin' });
    expect(nameSpan(span('Joe Biden'))).toEqual(span('Joe Biden'));
  });

  it('never calls a direction or a common word a name', () => {
    expect(nameSpan(span("vers l'Est"))).toBeNull();
    expect(nameSpan(span("l'Est"))).toBeNull();
    expect(nameSpan(span('East'))).toBeNull();
    expect(nameSpan(span('américain'))).toBeNull();
    expect(nameSpan(span('conseiller à la sécurité nationale'))).toBeNull();
  });
});
