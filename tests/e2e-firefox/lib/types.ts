import type { Browser, Page } from 'puppeteer-core';
import type { StaticServer } from '../../../scripts/lib/static-server';

export interface FirefoxTestContext {
  browser: Browser;
  /** A fresh tab, closed after the test. */
  page: Page;
  /** Another fresh tab, also closed after the test. */
  newPage(): Promise<Page>;
  /** Serves /fixtures/ (tests/fixtures/pages), /real/ (../shared/real-pages) and pages put in memory. */
  server: StaticServer;
  /** moz-extension://<the add-on's internal UUID>, fixed at launch. */
  extensionOrigin: string;
  /** Page errors matching this are not failures (a saved real page's own scripts may throw). */
  allowPageErrors(accept: (error: Error, pageUrl: string) => boolean): void;
  /** Extra output printed under the test's result line. */
  log(line: string): void;
  repoRoot: string;
  realPagesDir: string;
}

export interface FirefoxTest {
  name: string;
  /** Default 30 s. */
  timeoutMs?: number;
  run(t: FirefoxTestContext): Promise<void>;
}
