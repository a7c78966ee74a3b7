import { describe, expect, it } from 'vitest';
import { isWebUrl, readQuery } from './query';

describe('readQuery', () => {
  it('reads tab and passage numbers and ignores anything else', () => {
    expect(readQuery('?tab=12&passage=3')).toEqual({ tab: 12, passage: 3 });
    expect(readQuery('?tab=12')).toEqual({ tab: 12, passage: null });
    expect(readQuery('')).toEqual({ tab: null, passage: null });
    expect(readQuery('?tab=-1&passage=two')).toEqual({ tab: null, passage: null });
  });
});

describe('isWebUrl', () => {
  it('tells web pages from browser pages', () => {
    expect(isWebUrl('https://news.example/a')).toBe(true);
    expect(isWebUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(isWebUrl('chrome://extensions/')).toBe(false);
    expect(isWebUrl('about:blank')).toBe(false);
  });
});
