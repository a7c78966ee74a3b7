import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentScript } from '../../platform/manifest';

export interface RegisteredScripts {
  files: { file: string; bytes: number; gzipBytes: number }[];
  /** Sum of the gzip -9 sizes, in KB (1,024 bytes). */
  gzKb: number;
}

/**
 * The content scripts the manifest registers (`content_scripts[].js`): what every page pays for
 * before anything is found. A build whose background registers the bootstrap itself
 * (scripting.registerContentScripts, so that paused sites never get it) lists none there: its
 * bootstrap file (platform/manifest.ts `contentScript`) is counted instead. Scripts injected later
 * (only when there is something to show) are not counted.
 */
export function registeredContentScripts(extDir: string): RegisteredScripts {
  const manifestPath = join(extDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no manifest.json in ${extDir}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const listed = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))];
  const names = listed.length > 0 || !existsSync(join(extDir, contentScript)) ? listed : [contentScript];
  const files = names.map((file) => {
    const bytes = readFileSync(join(extDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  return { files, gzKb: files.reduce((acc, f) => acc + f.gzipBytes, 0) / 1024 };
}
