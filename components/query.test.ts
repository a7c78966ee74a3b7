import { describe, expect, it } from 'vitest';
import { isWebUrl, readQuery, webLink } from './query';

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

describe('webLink', () => {
  it('links web addresses only', () => {
    expect(webLink('https://www.radiohc.cu/fr/x')).toBe('https://www.radiohc.cu/fr/x');
    expect(webLink('javascript:alert(1)')).toBeNull();
    expect(webLink('not a url')).toBeNull();
    expect(webLink(undefined)).toBeNull();
  });
});
