import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { registeredContentScripts } from './bootstrap-size';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('registered content scripts', () => {
  it('sums the gzip -9 size of each file the manifest registers, once, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'bootstrap-size-'));
    mkdirSync(join(dir, 'content-scripts'));
    const boot = 'console.log("boot");'.repeat(50);
    const other = 'var x = 1;'.repeat(30);
    writeFileSync(join(dir, 'content-scripts/boot.js'), boot);
    writeFileSync(join(dir, 'content-scripts/other.js'), other);
    writeFileSync(join(dir, 'content-scripts/ui.js'), 'x'.repeat(100_000));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({ content_scripts: [{ js: ['content-scripts/boot.js'] }, { js: ['content-scripts/boot.js', 'content-scripts/other.js'] }, { css: ['a.css'] }] }),
    );
    const sizes = registeredContentScripts(dir);
    expect(sizes.files.map((f) => f.file)).toEqual(['content-scripts/boot.js', 'content-scripts/other.js']);
    const expected = gzipSync(boot, { level: 9 }).length + gzipSync(other, { level: 9 }).length;
    expect(sizes.gzKb).toBeCloseTo(expected / 1024, 10);
  });

  it('fails on a folder that is not a built extension', () => {
    dir = mkdtempSync(join(tmpdir(), 'bootstrap-size-'));
    expect(() => registeredContentScripts(dir)).toThrow(/manifest\.json/);
  });
});
