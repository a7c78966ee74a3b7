import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeMinVersion, extensionPagesCsp, firefoxMinVersion, manifestFor, webPages } from './manifest';

const root = resolve(__dirname, '..');

/** The extension's own source files (tests, builds and dependencies left out). */
function sourceFiles(dir = root): string[] {
  const skip = new Set(['node_modules', '.output', '.wxt', 'tests', 'cli', 'scripts', '.git']);
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip.has(name)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function cspProblems(csp: string): string[] {
  const problems: string[] = [];
  if (!/(^|;)\s*script-src 'self'\s*(;|$)/.test(csp)) problems.push(`script-src is not exactly 'self': ${csp}`);
  if (/unsafe-(eval|inline)|https?:|\*/.test(csp)) problems.push(`CSP allows eval, inline or remote code: ${csp}`);
  if (!/object-src '(none|self)'/.test(csp)) problems.push(`no object-src: ${csp}`);
  return problems;
}

describe('manifest', () => {
  for (const [browser, mv] of [
    ['chrome', 3],
    ['firefox', 2],
    ['firefox', 3],
  ] as const) {
    describe(`${browser} MV${mv}`, () => {
      const m = manifestFor(browser, mv) as Record<string, any>;

      it('asks for neither `tabs` nor `storage`, and reaches only http(s) pages', () => {
        expect(m.permissions).not.toContain('tabs');
        expect(m.permissions).not.toContain('storage');
        expect(m.permissions).toContain('activeTab');
        const hosts = mv === 3 ? m.host_permissions : m.permissions.filter((p: string) => p.includes('://'));
        expect(hosts).toEqual(webPages);
      });

      it('registers no content script itself: the background registers the bootstrap, leaving paused sites out', () => {
        expect(m.content_scripts).toBeUndefined();
        expect(m.permissions).toContain('scripting');
      });

      it('forbids remote, inline and eval-ed code in its pages', () => {
        const csp = mv === 3 ? m.content_security_policy.extension_pages : m.content_security_policy;
        expect(typeof csp).toBe('string');
        expect(cspProblems(csp)).toEqual([]);
      });

      if (browser === 'firefox') {
        it('declares that it collects no data, and the Firefox that has the APIs it uses', () => {
          const gecko = m.browser_specific_settings.gecko;
          expect(gecko.id).toBe('recoupe@recoupe.invalid');
          expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
          expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
          expect(m.permissions).not.toContain('sidePanel');
        });
      } else {
        it('needs the Chrome that has the side panel', () => {
          expect(Number(m.minimum_chrome_version)).toBeGreaterThanOrEqual(114);
          expect(m.permissions).toContain('sidePanel');
          expect(m.browser_specific_settings).toBeUndefined();
        });
      }
    });
  }

  it('the CSP check catches a weaker policy', () => {
    expect(cspProblems(extensionPagesCsp)).toEqual([]);
    expect(cspProblems("script-src 'self' 'unsafe-eval'; object-src 'none'")).not.toEqual([]);
    expect(cspProblems("script-src 'self' https://cdn.example; object-src 'none'")).not.toEqual([]);
  });

  it('no extension code uses browser.storage, which it no longer asks for', () => {
    const users = sourceFiles().filter((f) => /\b(browser|chrome)\s*\.\s*storage\b/.test(readFileSync(f, 'utf8')));
    expect(users).toEqual([]);
  });
});

// The built manifests, when a build is there (npm test builds before the unit tests).
describe.each([
  ['chrome-mv3', 'chrome', 3],
  ['firefox-mv2', 'firefox', 2],
] as const)('built .output/%s/manifest.json', (dir, browser, mv) => {
  const file = join(root, '.output', dir, 'manifest.json');
  it.skipIf(!existsSync(file))('carries the permissions, CSP and versions of manifestFor', () => {
    const built = JSON.parse(readFileSync(file, 'utf8'));
    const wanted = manifestFor(browser, mv) as Record<string, any>;
    expect([...built.permissions].sort()).toEqual([...wanted.permissions].sort());
    expect(built.host_permissions).toEqual(wanted.host_permissions);
    expect(built.content_security_policy).toEqual(wanted.content_security_policy);
    if (browser === 'firefox') expect(built.browser_specific_settings.gecko.strict_min_version).toBe(firefoxMinVersion);
    else expect(built.minimum_chrome_version).toBe(chromeMinVersion);
    // Every page the content script runs on is covered by a host permission, so tabs events carry its address.
    const hosts: string[] = mv === 3 ? built.host_permissions : built.permissions.filter((p: string) => p.includes('://'));
    for (const script of built.content_scripts ?? []) for (const match of script.matches) expect(hosts).toContain(match);
  });
});
