import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { registeredContentScripts } from './page-cost/bootstrap-size';

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * gzip -9 size of every content script the built manifest registers (what every page loads), as a
 * browser would download it compressed; empty when nothing is built.
 */
export function contentScriptSizes(outputDir: string): ScriptSize[] {
  if (!existsSync(join(outputDir, 'manifest.json'))) return [];
  return registeredContentScripts(outputDir).files;
}

/**
 * Builds the Chrome extension when there are no built content scripts yet, under the shared build
 * lock when flock exists. The build's own output is kept out of the figures unless it fails.
 */
export function ensureBuilt(root: string, outputDir: string, log: (s: string) => void): void {
  if (existsSync(join(outputDir, 'manifest.json'))) return;
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
