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

/**
 * Builds the Chrome extension when there are no built content scripts yet, under the shared build
 * lock when flock exists. The build's own output is kept out of the figures unless it fails.
 */
export function ensureBuilt(root: string, outputDir: string, log: (s: string) => void): void {
  if (existsSync(join(outputDir, 'content-scripts'))) return;
  log(`no content scripts in ${relative(root, outputDir)}: running wxt build…`);
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
  try {
    execFileSync(cmd, args as string[], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    const tail = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-10);
    log(`wxt build failed:\n${tail.map((l) => `  ${l}`).join('\n')}`);
  }
}
