import { describe, expect, it } from 'vitest';
import { webPages } from '../platform/manifest';
import { BOOT_ID, bootRegistrar, bootScript, pausedPatterns, resumedOn, type BootScript, type Scripting } from './boot-script';

/** A browser's registered content scripts, in memory. */
function fakeScripting() {
  const registered = new Map<string, BootScript>();
  const calls: string[] = [];
  const scripting: Scripting = {
    getRegisteredContentScripts: async ({ ids }) => [...registered.values()].filter((s) => ids.includes(s.id)),
    registerContentScripts: async (scripts) => {
      calls.push('register');
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`duplicate id ${s.id}`);
        registered.set(s.id, s);
      }
    },
    updateContentScripts: async (scripts) => {
      calls.push('update');
      for (const s of scripts) registered.set(s.id, s);
    },
    unregisterContentScripts: async ({ ids }) => {
      calls.push('unregister');
      for (const id of ids) registered.delete(id);
    },
  };
  return { scripting, registered, calls };
}

describe('bootScript', () => {
  it('runs on every http(s) page but the paused sites and their www. hosts', () => {
    const script = bootScript({ pausedSites: ['example.org', '127.0.0.1'], pausedEverywhere: false })!;
    expect(script.matches).toEqual(webPages);
    expect(script.js).toEqual(['content-boot.js']);
    // "www." before an IPv4 address is no host: the browser would refuse the whole registration.
    expect(script.excludeMatches).toEqual(['*://example.org/*', '*://www.example.org/*', '*://127.0.0.1/*']);
    expect(script).toMatchObject({ runAt: 'document_idle', allFrames: false, persistAcrossSessions: true });
  });

  it('is not registered at all when Recoupe is paused everywhere', () => {
    expect(bootScript({ pausedSites: [], pausedEverywhere: true })).toBeNull();
  });

  it('leaves out a site no match pattern can name, rather than make the registration fail', () => {
    expect(pausedPatterns('[::1]')).toEqual([]);
    expect(pausedPatterns('example.org:8080')).toEqual([]);
    expect(pausedPatterns('*')).toEqual([]);
    expect(pausedPatterns('example.123')).toEqual([]);
    expect(pausedPatterns('localhost')).toEqual(['*://localhost/*', '*://www.localhost/*']);
  });
});

describe('resumedOn', () => {
  it('names the pages of a site just resumed, or of every site when Recoupe is resumed everywhere', () => {
    const paused = { pausedSites: ['example.org'], pausedEverywhere: false };
    const none = { pausedSites: [], pausedEverywhere: false };
    const everywhere = { pausedSites: [], pausedEverywhere: true };
    expect(resumedOn(paused, none, 'https://www.example.org/a')).toBe(true);
    expect(resumedOn(paused, none, 'https://other.example/a')).toBe(false);
    expect(resumedOn(none, paused, 'https://example.org/a')).toBe(false);
    expect(resumedOn(everywhere, paused, 'https://other.example/a')).toBe(true);
    expect(resumedOn(everywhere, paused, 'https://example.org/a')).toBe(false);
    // Pages Recoupe never runs on are never named.
    expect(resumedOn(everywhere, none, 'chrome://settings/')).toBe(false);
    expect(resumedOn(everywhere, none, undefined)).toBe(false);
  });
});

describe('bootRegistrar', () => {
  it('registers, updates and unregisters as the settings change, one change at a time', async () => {
    const { scripting, registered, calls } = fakeScripting();
    const warn: unknown[] = [];
    const register = bootRegistrar(scripting, (err) => warn.push(err));
    // Two quick changes: the second waits for the first, so it updates rather than registers twice.
    void register({ pausedSites: [], pausedEverywhere: false });
    await register({ pausedSites: ['example.org'], pausedEverywhere: false });
    expect(calls).toEqual(['register', 'update']);
    expect(registered.get(BOOT_ID)?.excludeMatches).toEqual(['*://example.org/*', '*://www.example.org/*']);
    await register({ pausedSites: [], pausedEverywhere: true });
    expect(registered.size).toBe(0);
    await register({ pausedSites: [], pausedEverywhere: false });
    expect(registered.get(BOOT_ID)?.excludeMatches).toEqual([]);
    expect(warn).toEqual([]);
  });

  it('reports a failure and keeps serving later changes', async () => {
    const { scripting, registered } = fakeScripting();
    const warn: unknown[] = [];
    const register = bootRegistrar({ ...scripting, registerContentScripts: () => Promise.reject(new Error('refused')) }, (err) => warn.push(err));
    await register({ pausedSites: [], pausedEverywhere: false });
    expect(warn).toHaveLength(1);
    expect(registered.size).toBe(0);
  });
});
