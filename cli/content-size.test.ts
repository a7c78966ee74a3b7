import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { contentScriptSizes } from './content-size';

const out = mkdtempSync(join(tmpdir(), 'recoupe-output-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('contentScriptSizes', () => {
  it('is empty when nothing is built', () => {
    expect(contentScriptSizes(out)).toEqual([]);
  });

  it('measures the content scripts the manifest registers, at gzip level 9, and nothing injected later', () => {
    mkdirSync(join(out, 'nested'), { recursive: true });
    const code = 'export const x = "' + 'highlight '.repeat(500) + '";\n';
    writeFileSync(join(out, 'content-boot.js'), code);
    writeFileSync(join(out, 'nested', 'other.js'), 'let a = 1;\n');
    writeFileSync(join(out, 'content-ui.js'), code + code);
    writeFileSync(join(out, 'background.js'), code);
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ content_scripts: [{ js: ['content-boot.js', 'nested/other.js'] }] }));
    const sizes = contentScriptSizes(out);
    expect(sizes.map((s) => s.file)).toEqual(['content-boot.js', 'nested/other.js']);
    expect(sizes[0].bytes).toBe(Buffer.byteLength(code));
    expect(sizes[0].gzipBytes).toBe(gzipSync(code, { level: 9 }).length);
    expect(sizes[0].gzipBytes).toBeLessThan(sizes[0].bytes / 10);
    expect(gunzipSync(gzipSync(code, { level: 9 })).toString()).toBe(code);
  });
});
