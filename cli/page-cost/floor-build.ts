import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An extension whose content script is empty, registered like Recoupe's (every http(s) page,
 * document_idle, top frame) beside an empty service worker: what the browser charges a page for
 * any extension content script (its isolated world, the extension bindings, the injection),
 * before a line of the extension's own code runs. Written to a fresh temporary folder.
 */
export function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'recoupe-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (bench:pages floor)',
    version: '1.0.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: false }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'content.js'), '');
  return dir;
}
