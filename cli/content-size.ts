import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsFiles(path));
    else if (name.endsWith('.js')) out.push(path);
  }
  return out.sort();
}

/** gzip -9 size of every built content script, as a browser would download it compressed. */
export function contentScriptSizes(outputDir: string): ScriptSize[] {
  const dir = join(outputDir, 'content-scripts');
  if (!existsSync(dir)) return [];
  return jsFiles(dir).map((path) => {
    const bytes = readFileSync(path);
    return { file: relative(outputDir, path), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

/** Builds the Chrome extension when there are no built content scripts yet (under the shared build lock when flock exists). */
export function ensureBuilt(root: string, outputDir: string, log: (s: string) => void): void {
  if (existsSync(join(outputDir, 'content-scripts'))) return;
  log(`no ${relative(root, outputDir)}: running wxt build…`);
  const hasFlock = (() => {
    try {
      execFileSync('flock', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const [cmd, args] = hasFlock
    ? ['flock', ['/tmp/recoupe-build.lock', 'npx', 'wxt', 'build']]
    : ['npx', ['wxt', 'build']];
  execFileSync(cmd, args as string[], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
