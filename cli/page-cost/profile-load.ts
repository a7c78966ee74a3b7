import type { BrowserContext } from 'playwright-core';
import type { TraceEvent } from './attribution';
import { TRACE_CATEGORIES, waitForRecoupe } from './load';
import { profileSummary, type ProfileSummary } from './profile';
import { tabIdOf } from './recoupe-state';

const LOAD_TIMEOUT_MS = 30_000;
/** The sampling profiler at its fine interval, and the compile events of scripts. */
const PROFILE_CATEGORIES = `${TRACE_CATEGORIES},disabled-by-default-v8.cpu_profiler.hires,v8,disabled-by-default-v8.compile`;

/**
 * One load of `url` in a fresh tab, traced with the sampling profiler at its fine interval, read
 * once the content script is done (at most `settleMs` after the load event): where Recoupe's
 * time on that page went. No debugger is attached, so the page runs as it does for a reader.
 */
export async function profiledLoad(context: BrowserContext, url: string, settleMs: number): Promise<ProfileSummary> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const tabId = await tabIdOf(context, page);
    const events: TraceEvent[] = [];
    session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    await session.send('Tracing.start', { categories: PROFILE_CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await waitForRecoupe(context, session, tabId, Date.now(), settleMs);
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    return profileSummary(events, page.url());
  } finally {
    await page.close().catch(() => undefined);
  }
}
