import { mayRemember } from './memory-settings';
import { describe, expect, it } from 'vitest';
import { applyChange, defaultPageSettings, defaultSettings, isPausedOn, normalizeSettings, pageSettings, siteOf, uiLanguageOf } from './settings';

describe('settings', () => {
  it('defaults: nothing paused, every kind shown, normal sensitivity, browser language', () => {
    expect(defaultSettings()).toEqual({
      pausedSites: [],
      pausedEverywhere: false,
      highlightKinds: ['verbatim', 'edited', 'same-fact', 'translated'],
      sensitivity: 'normal',
      language: 'auto',
      memory: 'unset',
      memoryExcluded: [],
      memoryMonths: 12,
      memoryMax: 50_000,
    });
    expect(normalizeSettings(undefined)).toEqual(defaultSettings());
    expect(normalizeSettings('garbage')).toEqual(defaultSettings());
  });

  it('a page without the reader\'s settings gets what the defaults mean for any page', () => {
    expect(defaultPageSettings()).toEqual(pageSettings(defaultSettings(), 'https://news.example/a'));
    // A copy: a caller changing its kinds leaves the defaults alone.
    defaultPageSettings().highlightKinds.pop();
    expect(defaultPageSettings().highlightKinds).toHaveLength(4);
  });

  it('keeps valid stored fields and replaces malformed ones by their default', () => {
    const stored = {
      pausedSites: ['WWW.Example.org', 'example.org', 42, 'not a host', 'news.example:8080'],
      pausedEverywhere: 'yes',
      highlightKinds: ['edited', 'bogus', 'verbatim'],
      sensitivity: 'paranoid',
      language: 'fr',
      memory: 'maybe',
      memoryExcluded: ['WWW.Lemonde.fr', 7],
      memoryMonths: 0,
      memoryMax: 1000,
      extra: 1,
    };
    expect(normalizeSettings(stored)).toEqual({
      pausedSites: ['example.org', 'news.example:8080'],
      pausedEverywhere: false,
      // A record stored before translations were offered: the new kind is on.
      highlightKinds: ['verbatim', 'edited', 'translated'],
      sensitivity: 'normal',
      language: 'fr',
      memory: 'unset',
      memoryExcluded: ['lemonde.fr'],
      memoryMonths: 12,
      memoryMax: 1000,
    });
    expect(normalizeSettings({ highlightKinds: [], offeredKinds: ['verbatim', 'edited', 'same-fact', 'translated'] }).highlightKinds).toEqual([]);
  });

  it('turns a kind added since a record was stored on, and keeps off a kind the reader turned off', () => {
    expect(normalizeSettings({ highlightKinds: ['verbatim'] }).highlightKinds).toEqual(['verbatim', 'translated']);
    expect(normalizeSettings({ highlightKinds: ['verbatim'], offeredKinds: ['verbatim', 'edited', 'same-fact', 'translated'] }).highlightKinds).toEqual(['verbatim']);
  });

  it('reading memory: off until the reader says yes; sites excluded one by one; limits checked', () => {
    let s = defaultSettings();
    expect(mayRemember(s, 'lemonde.fr')).toBe(false);
    s = applyChange(s, { memory: 'on', memorySite: { host: 'www.LeFigaro.fr', excluded: true } });
    expect(mayRemember(s, 'lemonde.fr')).toBe(true);
    expect(mayRemember(s, 'lefigaro.fr')).toBe(false);
    expect(mayRemember(s, null)).toBe(false);
    s = applyChange(s, { memorySite: { host: 'lefigaro.fr', excluded: false }, memoryMonths: 6, memoryMax: 200 });
    expect(s).toMatchObject({ memoryExcluded: [], memoryMonths: 6, memoryMax: 200 });
    expect(() => applyChange(s, { memoryMonths: 0 })).toThrow('memoryMonths');
    expect(() => applyChange(s, { memory: 'yes' as never })).toThrow('memory');
    expect(applyChange(s, { memory: 'off' }).memory).toBe('off');
  });

  it('pauses and resumes one site without touching the others', () => {
    let s = applyChange(defaultSettings(), { site: { host: 'www.lemonde.fr', paused: true } });
    s = applyChange(s, { site: { host: 'bbc.co.uk', paused: true } });
    expect(s.pausedSites).toEqual(['bbc.co.uk', 'lemonde.fr']);
    expect(isPausedOn(s, 'https://www.lemonde.fr/article')).toBe(true);
    expect(isPausedOn(s, 'https://lemonde.fr/')).toBe(true);
    expect(isPausedOn(s, 'https://www.liberation.fr/')).toBe(false);
    s = applyChange(s, { site: { host: 'lemonde.fr', paused: false } });
    expect(s.pausedSites).toEqual(['bbc.co.uk']);
    expect(isPausedOn(s, 'https://www.lemonde.fr/article')).toBe(false);
  });

  it('pausing everywhere covers every web page but keeps the site list', () => {
    const s = applyChange(applyChange(defaultSettings(), { site: { host: 'a.example', paused: true } }), { pausedEverywhere: true });
    expect(isPausedOn(s, 'https://b.example/x')).toBe(true);
    expect(applyChange(s, { pausedEverywhere: false }).pausedSites).toEqual(['a.example']);
  });

  it('refuses values no view sends instead of storing them', () => {
    const s = defaultSettings();
    expect(() => applyChange(s, { sensitivity: 'max' as never })).toThrow('sensitivity');
    expect(() => applyChange(s, { highlightKinds: ['verbatim', 'x' as never] })).toThrow('highlightKinds');
    expect(() => applyChange(s, { language: 'de' as never })).toThrow('language');
    expect(() => applyChange(s, { site: { host: 'a b', paused: true } })).toThrow('site name');
    expect(() => applyChange(s, { pausedEverywhere: 1 as never })).toThrow('pausedEverywhere');
    expect(applyChange(s, { highlightKinds: ['edited', 'verbatim'] }).highlightKinds).toEqual(['verbatim', 'edited']);
  });

  it('site of a URL: http(s) only, without www', () => {
    expect(siteOf('https://www.Example.org/a?b#c')).toBe('example.org');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf(undefined)).toBeNull();
  });

  it('interface language: the choice, or the browser’s when automatic', () => {
    expect(uiLanguageOf('auto', 'fr-CA')).toBe('fr');
    expect(uiLanguageOf('auto', 'de-DE')).toBe('en');
    expect(uiLanguageOf('en', 'fr-FR')).toBe('en');
    expect(uiLanguageOf('fr', undefined)).toBe('fr');
  });
});
