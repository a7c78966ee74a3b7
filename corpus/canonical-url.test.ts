import { describe, expect, it } from 'vitest';
import { foldUrl, pageKey } from './canonical-url';

describe('foldUrl', () => {
  it('folds scheme, host case, www., fragment and trailing slash', () => {
    const key = 'https://lemonde.fr/international/article/2021/12/07/poutine';
    expect(foldUrl('http://WWW.LeMonde.fr/international/article/2021/12/07/poutine/')).toBe(key);
    expect(foldUrl('https://www.lemonde.fr/international/article/2021/12/07/poutine#comments')).toBe(key);
    expect(foldUrl('https://lemonde.fr//international//article/2021/12/07/poutine')).toBe(key);
    expect(foldUrl('https://www.lemonde.fr.:443/international/article/2021/12/07/poutine')).toBe(key);
  });

  it('folds the AMP renderings onto the article', () => {
    const key = 'https://lefigaro.fr/international/poutine-biden-20211207';
    expect(foldUrl('https://amp.lefigaro.fr/international/poutine-biden-20211207')).toBe(key);
    expect(foldUrl('https://www.lefigaro.fr/international/poutine-biden-20211207/amp')).toBe(key);
    expect(foldUrl('https://www.lefigaro.fr/amp/international/poutine-biden-20211207')).toBe(key);
    expect(foldUrl('https://www.lefigaro.fr/international/poutine-biden-20211207?amp')).toBe(key);
    expect(foldUrl('https://www.lefigaro.fr/international/poutine-biden-20211207?amp=1')).toBe(key);
    expect(foldUrl('https://www.lefigaro.fr/international/poutine-biden-20211207?outputType=amp')).toBe(key);
    expect(foldUrl('https://m.lefigaro.fr/international/poutine-biden-20211207')).toBe(key);
    expect(foldUrl('https://www.bbc.com/news/world-europe-59567377.amp')).toBe('https://bbc.com/news/world-europe-59567377');
    expect(foldUrl('https://www.example.com/2021/12/07/story.amp.html')).toBe('https://example.com/2021/12/07/story.html');
  });

  it('keeps parameters that choose the article, sorted, and drops tracking ones', () => {
    expect(foldUrl('https://example.com/article.php?id=42&utm_source=twitter&utm_medium=social&fbclid=AbC')).toBe('https://example.com/article.php?id=42');
    expect(foldUrl('https://example.com/a?xtor=RSS-3208&at_medium=custom7&at_campaign=x&gclid=1&mc_cid=2')).toBe('https://example.com/a');
    expect(foldUrl('https://example.com/a?b=2&a=1')).toBe(foldUrl('https://example.com/a?a=1&b=2'));
    expect(foldUrl('https://example.com/a?outputType=print')).toBe('https://example.com/a?outputType=print');
    expect(foldUrl('https://example.com/a?id=1')).not.toBe(foldUrl('https://example.com/a?id=2'));
  });

  it('keeps what tells sites and articles apart', () => {
    expect(foldUrl('https://example.com:8080/a')).toBe('https://example.com:8080/a');
    expect(foldUrl('https://news.example.com/a')).toBe('https://news.example.com/a');
    expect(foldUrl('https://example.com/Article')).not.toBe(foldUrl('https://example.com/article'));
    // Only a prefix before a site name is folded: "m.tv" stays itself.
    expect(foldUrl('https://m.tv/a')).toBe('https://m.tv/a');
    expect(foldUrl('https://example.com/ampoule')).toBe('https://example.com/ampoule');
    expect(foldUrl('https://example.com/')).toBe('https://example.com');
  });

  it('refuses anything that is not an http(s) address', () => {
    expect(foldUrl('javascript:alert(1)//https://lemonde.fr/a')).toBeNull();
    expect(foldUrl('data:text/html,<p>x</p>')).toBeNull();
    expect(foldUrl('file:///etc/passwd')).toBeNull();
    expect(foldUrl('ftp://example.com/a')).toBeNull();
    expect(foldUrl('not a url')).toBeNull();
    expect(foldUrl(`https://example.com/${'a'.repeat(5000)}`)).toBeNull();
  });
});

describe('pageKey', () => {
  const amp = 'https://amp.lefigaro.fr/international/poutine-biden-20211207?utm_source=x';

  it('takes the canonical the page declares on its own site, relative or not', () => {
    expect(pageKey(amp, { canonical: 'https://www.lefigaro.fr/international/poutine-biden-20211207' })).toEqual({
      key: 'https://lefigaro.fr/international/poutine-biden-20211207',
      address: 'https://www.lefigaro.fr/international/poutine-biden-20211207',
    });
    expect(pageKey('https://www.example.com/print/123?page=all', { canonical: '/story/123' })).toEqual({
      key: 'https://example.com/story/123',
      address: 'https://www.example.com/story/123',
    });
    expect(pageKey('https://www.example.com/print/123', { ogUrl: 'https://example.com/story/123/' })).toEqual({
      key: 'https://example.com/story/123',
      address: 'https://example.com/story/123/',
    });
  });

  it('prefers the canonical link to og:url', () => {
    expect(pageKey('https://example.com/x', { canonical: 'https://example.com/a', ogUrl: 'https://example.com/b' })?.key).toBe('https://example.com/a');
  });

  it('never takes a non-http(s) canonical, and falls back on og:url or the address', () => {
    expect(pageKey('https://example.com/a?fbclid=1&id=2#top', { canonical: 'javascript:alert(1)' })).toEqual({
      key: 'https://example.com/a?id=2',
      address: 'https://example.com/a?id=2',
    });
    expect(pageKey('https://example.com/a', { canonical: 'data:text/html,x', ogUrl: 'https://example.com/b' })?.key).toBe('https://example.com/b');
    expect(pageKey('https://example.com/a', { canonical: '   ' })?.key).toBe('https://example.com/a');
  });

  it('does not let a page file itself under another site’s article, but reports the claim', () => {
    expect(pageKey('https://evil.example/copy', { canonical: 'https://www.lemonde.fr/international/article/x' })).toEqual({
      key: 'https://evil.example/copy',
      address: 'https://evil.example/copy',
      declaredElsewhere: 'https://lemonde.fr/international/article/x',
    });
    // A subdomain is another site: blog.example.com cannot speak for example.com.
    expect(pageKey('https://blog.example.com/p', { canonical: 'https://example.com/p' })?.key).toBe('https://blog.example.com/p');
    // A cross-site canonical does not hide a same-site og:url.
    expect(pageKey('https://news.example/amp/a', { canonical: 'https://other.example/a', ogUrl: 'https://news.example/a' })).toEqual({
      key: 'https://news.example/a',
      address: 'https://news.example/a',
      declaredElsewhere: 'https://other.example/a',
    });
  });

  it('has no key for a page whose own address is not http(s)', () => {
    expect(pageKey('about:blank', { canonical: 'https://example.com/a' })).toBeNull();
    expect(pageKey('chrome-extension://abc/popup.html')).toBeNull();
  });
});
