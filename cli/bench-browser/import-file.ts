import type { ExtensionBrowser } from '../../scripts/lib/browser';
import type { CorpusFile } from './corpus-file';
import { median } from './measure';

const log = (s = '') => console.log(s);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => n.toLocaleString('en-US');

export interface Imported {
  seconds: number;
  progressSeen: boolean;
  /** Seconds from the click to the commit's start (the whole file read and stored). */
  readingS: number;
  /** Batches the progress showed stored, and the median seconds between two. */
  batches: number;
  batchS: number;
}

/** Imports the file through the options page, timing from the click to the summary shown. */
export async function importFile(ext: ExtensionBrowser, file: CorpusFile): Promise<Imported> {
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await page.waitForSelector('[data-testid=corpus-row], [data-testid=corpus-empty]', { timeout: 30_000 });
    await page.setInputFiles('[data-testid=import-ndjson]', file.path);
    const started = Date.now();
    await page.click('[data-testid=import-submit]');
    let progressSeen = false;
    let lastLog = 0;
    let readingS = NaN;
    let stored = 0;
    const storedAt: number[] = [];
    for (;;) {
      const status = await page.evaluate(() => {
        const summary = document.querySelector('[data-testid=import-summary]');
        const failed = document.querySelector('.rc-error, [data-testid=import-rejected]');
        const progress = document.querySelector('[data-testid=import-progress]');
        return {
          added: summary?.getAttribute('data-added') ?? null,
          failed: failed?.textContent ?? null,
          phase: progress?.getAttribute('data-phase') ?? null,
          stored: Number(progress?.getAttribute('data-stored') ?? 0),
          text: progress?.textContent ?? '',
        };
      });
      if (status.failed) throw new Error(`the import failed: ${status.failed}`);
      if (status.added !== null) {
        if (Number(status.added) !== file.dispatches) throw new Error(`the summary says ${status.added} added, not ${file.dispatches}`);
        const gaps = storedAt.slice(1).map((x, i) => (x - storedAt[i]) / 1000);
        return { seconds: (Date.now() - started) / 1000, progressSeen, readingS, batches: storedAt.length, batchS: median(gaps) };
      }
      if (status.phase === 'reading' && status.stored > 0) progressSeen = true;
      if (status.phase === 'reading' && status.stored > stored) {
        stored = status.stored;
        storedAt.push(Date.now());
      }
      if (status.phase === 'committing' && Number.isNaN(readingS)) readingS = (Date.now() - started) / 1000;
      if (Date.now() - lastLog >= 15_000) {
        lastLog = Date.now();
        log(`  ${secs(Date.now() - started).padStart(7)}: ${status.phase ?? 'starting'}, ${int(status.stored)} stored${status.text ? ` (“${status.text.trim()}”)` : ''}`);
      }
      if (Date.now() - started > 60 * 60_000) throw new Error('the import did not finish within an hour');
      await page.waitForTimeout(100);
    }
  } finally {
    await page.close();
  }
}

