import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { StaticServer } from '../../../scripts/lib/static-server';

export interface TestContext {
  /** A fresh page, closed after the test. */
  page: Page;
  context: BrowserContext;
  extensionId: string;
  /** Serves /fixtures/ (tests/fixtures/pages), /real/ (../shared/real-pages) and pages put in memory. */
  server: StaticServer;
  serviceWorker(): Promise<Worker>;
  /** Another fresh page, also closed after the test. */
  newPage(): Promise<Page>;
  /** Extra output printed under the test's result line. */
  log(line: string): void;
  /** Page errors matching this are not failures (a saved real page's own scripts may throw). */
  allowPageErrors(accept: (error: Error) => boolean): void;
  /** Dialogs (alert, confirm...) are failures unless this accepts them; a saved page may open its own. */
  allowDialogs(accept: (pageUrl: string) => boolean): void;
  repoRoot: string;
  realPagesDir: string;
  artifactsDir: string;
}

export interface E2eTest {
  name: string;
  /** Default 30 s. */
  timeoutMs?: number;
  run(t: TestContext): Promise<void>;
}
