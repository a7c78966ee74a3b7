import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { extensionCost, type ExtensionCost, type TraceEvent } from './attribution';
import { extensionScripts, type ExecutionContext, type ExtensionScripts, type ParsedScript } from './ext-scripts';

/** What one load of a page cost its main thread, read after the settle window. */
export interface LoadFigures {
  /** Main-thread task time (CDP Performance TaskDuration), from navigation to the end of the window (ms). */
  taskMs: number;
  /** The part of it spent running script (ScriptDuration, ms). */
  scriptMs: number;
  /** Ranges in the page's `recoupe-*` highlights. */
  highlights: number;
  /** How long after the load event the figures were read (ms). */
  windowMs: number;
}

export interface TracedLoadFigures extends LoadFigures {
  cost: ExtensionCost;
  scripts: ExtensionScripts;
}

const LOAD_TIMEOUT_MS = 30_000;
/** The page counts as settled once its main thread did less than QUIET_TASK_MS of work in QUIET_MS… */
const QUIET_MS = 300;
const QUIET_TASK_MS = 3;
/** …and never before this long after the load event (the content script runs when the page is idle). */
const MIN_WINDOW_MS = 300;
const POLL_MS = 50;

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'].join(',');

const HIGHLIGHT_RANGES = `(() => { let n = 0; if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h, k) => { if (String(k).startsWith('recoupe-')) n += h.size; }); return n; })()`;
const RECOUPE_STATE = `document.documentElement ? document.documentElement.getAttribute('data-recoupe-state') || '' : ''`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Metrics {
  task: number;
  script: number;
}

async function metrics(session: CDPSession): Promise<Metrics> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  const get = (name: string) => (list.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

async function evaluate<T>(session: CDPSession, expression: string): Promise<T | undefined> {
  const r = await session.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => undefined);
  return r?.result?.value as T | undefined;
}

/**
 * Task time is counted as thread time (CPU time of the renderer's main thread), so that other
 * work on a shared machine does not stretch the figures the way wall time would.
 */
async function openMeasured(context: BrowserContext): Promise<{ page: Page; session: CDPSession; before: Metrics }> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, session, before: await metrics(session) };
}

function delta(before: Metrics, after: Metrics): { taskMs: number; scriptMs: number } {
  // A navigation that moved the page to another renderer restarts the counters there.
  const swapped = after.task < before.task;
  return { taskMs: swapped ? after.task : after.task - before.task, scriptMs: swapped ? after.script : after.script - before.script };
}

/**
 * Waits after the load event until the page's main thread has been quiet for a while and the
 * content script (when there is one) has left its "matching" state, at most `settleMs`.
 * Returns how long it waited.
 */
async function waitQuiet(session: CDPSession, loadAt: number, settleMs: number): Promise<number> {
  const seen: { t: number; task: number }[] = [];
  for (;;) {
    const t = Date.now() - loadAt;
    const { task } = await metrics(session);
    seen.push({ t, task });
    if (t >= settleMs) return t;
    if (t >= MIN_WINDOW_MS) {
      const past = [...seen].reverse().find((s) => s.t <= t - QUIET_MS);
      if (past && task - past.task < QUIET_TASK_MS && (await evaluate<string>(session, RECOUPE_STATE)) !== 'matching') return t;
    }
    await sleep(POLL_MS);
  }
}

/** One load read `windowMs` after its load event: the same window for every load of a page, with or without the extension. */
export async function measuredLoad(context: BrowserContext, url: string, windowMs: number): Promise<LoadFigures> {
  const { page, session, before } = await openMeasured(context);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await sleep(windowMs);
    const after = await metrics(session);
    const highlights = (await evaluate<number>(session, HIGHLIGHT_RANGES)) ?? 0;
    return { ...delta(before, after), highlights, windowMs };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * A load with the renderer traced and the debugger listening: which extension scripts the page
 * evaluated, and the longest task they caused. Tracing and the debugger slow the page, so its
 * task time is not used; it also finds how long this page needs to settle.
 */
export async function tracedLoad(context: BrowserContext, url: string, settleMs: number): Promise<TracedLoadFigures> {
  const { page, session, before } = await openMeasured(context);
  const parsed: ParsedScript[] = [];
  const contexts: ExecutionContext[] = [];
  const events: TraceEvent[] = [];
  session.on('Debugger.scriptParsed', (e) => parsed.push(e));
  session.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  try {
    await session.send('Runtime.enable');
    await session.send('Debugger.enable');
    await session.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const windowMs = await waitQuiet(session, Date.now(), settleMs);
    const after = await metrics(session);
    const highlights = (await evaluate<number>(session, HIGHLIGHT_RANGES)) ?? 0;
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    return { ...delta(before, after), highlights, windowMs, cost: extensionCost(events, page.url()), scripts: extensionScripts(parsed, contexts) };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Time from navigation start to the first `recoupe-*` highlight range (ms), polled from the CDP
 * side every 10 ms so the page runs none of the polling; NaN when none appears within `timeoutMs`.
 */
export async function firstHighlightMs(context: BrowserContext, url: string, timeoutMs = 15_000): Promise<number> {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const probe = `location.href === ${JSON.stringify(url)} && ${HIGHLIGHT_RANGES} > 0 ? performance.now() : -1`;
  try {
    const navigation = page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch(() => undefined);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const at = await evaluate<number>(session, probe);
      if (typeof at === 'number' && at >= 0) return at;
      await sleep(10);
    }
    await navigation;
    return NaN;
  } finally {
    await page.close().catch(() => undefined);
  }
}
