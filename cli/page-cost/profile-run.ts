import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchBrowser } from './launch';
import { meanSummary, type ProfileSummary } from './profile';
import { profiledLoad } from './profile-load';
import { profileLines } from './profile-text';

/** One build of a profile run: its label, its folder (to show code beside minified names) and its browser. */
export interface ProfiledBuild {
  label: string;
  dir: string;
  browser: BenchBrowser;
}

/** The built script behind a chrome-extension:// URL of `dir`'s extension, read once. */
function sourcesOf(dir: string): (url: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (url) => {
    const path = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    if (!cache.has(path)) {
      try {
        cache.set(path, readFileSync(join(dir, path), 'utf8'));
      } catch {
        cache.set(path, undefined);
      }
    }
    return cache.get(path);
  };
}

/**
 * `bench:pages --profile`: each page loaded `runs` times with each build (builds in turn, so that
 * machine noise falls on all alike), then where Recoupe's time went, as a mean per load.
 */
export async function profilePages(builds: readonly ProfiledBuild[], urls: readonly { page: string; url: string }[], runs: number, settleMs: number): Promise<void> {
  for (const { page, url } of urls) {
    const loads = builds.map(() => [] as ProfileSummary[]);
    for (let r = 0; r < runs; r++) {
      for (const [i, b] of builds.entries()) {
        const summary = await profiledLoad(b.browser.context, url, settleMs).catch((e: Error) => {
          console.log(`  ${b.label}: load ${r + 1} failed: ${e.message.split('\n')[0]}`);
          return undefined;
        });
        if (summary) loads[i].push(summary);
      }
    }
    console.log('');
    console.log(page);
    for (const [i, b] of builds.entries()) {
      if (!loads[i].length) continue;
      for (const line of profileLines(b.label, meanSummary(loads[i]), loads[i].length, sourcesOf(b.dir))) console.log(line);
    }
  }
}
