import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadCorpus, type DispatchRecord } from '../../fixtures/corpus';
import { briefUnits, demoUnits, xssUnits } from '../../fixtures/expected';
import { republishedPage, reusesPassagesPage, type Unit } from '../../fixtures/spliced';
import type { TestContext } from './types';

export type FixtureName = 'republished' | 'reuses' | 'brief' | 'demo' | 'xss';

/** What serving a fixture needs: the Chromium and the Firefox test contexts both have it. */
export type FixtureHost = Pick<TestContext, 'server' | 'repoRoot' | 'realPagesDir'>;

export interface Fixture {
  url: string;
  units: Unit[];
}

let corpusCache: Map<string, DispatchRecord> | undefined;
const spliceCache = new Map<string, { html: string; units: Unit[] }>();

export function corpus(t: Pick<TestContext, 'repoRoot'>): Map<string, DispatchRecord> {
  corpusCache ??= loadCorpus(t.repoRoot);
  return corpusCache;
}

/** Serves one of the test pages and returns its URL with the passages it is known to reuse. */
export function fixture(t: FixtureHost, name: FixtureName): Fixture {
  const c = corpus(t);
  switch (name) {
    case 'republished':
    case 'reuses': {
      let built = spliceCache.get(name);
      if (!built) {
        const [file, build] = name === 'republished' ? (['bbc-1.html', republishedPage] as const) : (['nytimes-1.html', reusesPassagesPage] as const);
        built = build(readFileSync(join(t.realPagesDir, file), 'utf8'), c);
        spliceCache.set(name, built);
      }
      return { url: t.server.put(`/spliced/${name}.html`, built.html), units: built.units };
    }
    case 'brief':
      return { url: `${t.server.origin}/fixtures/brief.html`, units: briefUnits(c) };
    case 'demo':
      return { url: `${t.server.origin}/fixtures/demo-article.html`, units: demoUnits(c) };
    case 'xss':
      return { url: `${t.server.origin}/fixtures/xss-passage.html`, units: xssUnits(c) };
  }
}

export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}
