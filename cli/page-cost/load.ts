import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { extensionCost, type ExtensionCost, type TraceEvent } from './attribution';
import { isBusy, runState, tabIdOf } from './recoupe-state';
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
  /** How far the content script's run had got when the figures were read ('' when the build does not say). */
  recoupeState: string;
}

export interface TracedLoad {
  figures: LoadFigures;
  finished: Promise<{ cost: ExtensionCost; scripts: ExtensionScripts }>;
}

const LOAD_TIMEOUT_MS = 30_000;
/** Never read a page sooner than this after its load event (the content script runs once the page is idle). */
const MIN_WINDOW_MS = 250;
/** Read every counted load this long after the content script was last seen working in the traced load (painting, the card). */
const MARGIN_MS = 200;
const POLL_MS = 50;

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'].join(',');

const HIGHLIGHT_RANGES = `(() => { let n = 0; if (globalThis.CSS && CSS.highlights) CSS.highlights.forEach((h, k) => { if (String(k).startsWith('recoupe-')) n += h.size; }); return n; })()`;

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

/**
 * The counters restart with each new document (the page's agent is per document), so after a
 * navigation they hold the new page's figures alone; `before` only matters when they did not.
 */
function delta(before: Metrics, after: Metrics, navigated: boolean): { taskMs: number; scriptMs: number } {
  if (navigated || after.task < before.task) return { taskMs: after.task, scriptMs: after.script };
  return { taskMs: after.task - before.task, scriptMs: after.script - before.script };
}

/**
 * Waits after the load event until the content script (when there is one) has left its
 * "matching" state, at most `settleMs`. Returns the window every counted load of the page is read
 * after: from the load event to the end of that state, plus a margin. The traced load is the
 * slowest of all (tracing and polling slow it), so the window is ample for the others.
 */
export async function waitForRecoupe(context: BrowserContext, session: CDPSession, tabId: number | undefined, loadAt: number, settleMs: number): Promise<number> {
  let busyUntil = 0;
  for (;;) {
    const t = Date.now() - loadAt;
    if (t >= settleMs) return settleMs;
    if (isBusy(await runState(context, session, tabId))) busyUntil = Date.now() - loadAt;
    else if (t >= MIN_WINDOW_MS) {
      const windowMs = Math.min(settleMs, Math.max(MIN_WINDOW_MS, busyUntil) + MARGIN_MS);
      await sleep(windowMs - (Date.now() - loadAt));
      return windowMs;
    }
    await sleep(POLL_MS);
  }
}

/** A tab kept open for the counted loads of one browser, its task counters on. */
export interface MeasuringTab {
  context: BrowserContext;
  page: Page;
  session: CDPSession;
  /** The extension's id for the tab (undefined without an extension). */
  tabId?: number;
}

export async function openMeasuringTab(context: BrowserContext, withExtension: boolean): Promise<MeasuringTab> {
  const { page, session } = await openMeasured(context);
  return { context, page, session, tabId: withExtension ? await tabIdOf(context, page) : undefined };
}

/**
 * One load read `windowMs` after its load event: the same window for every load of a page, with
 * or without the extension. Loads reuse one tab (a new tab per load costs more time than the
 * page itself); the counters are read just before the navigation, so the previous page's own
 * life is left out.
 */
export async function measuredLoad(tab: MeasuringTab, url: string, windowMs: number): Promise<LoadFigures> {
  const { page, session } = tab;
  const before = await metrics(session);
  await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
  await sleep(windowMs);
  const after = await metrics(session);
  const highlights = (await evaluate<number>(session, HIGHLIGHT_RANGES)) ?? 0;
  const recoupeState = tab.tabId === undefined ? '' : await runState(tab.context, session, tab.tabId);
  return { ...delta(before, after, true), highlights, windowMs, recoupeState };
}

/**
 * A load with the renderer traced and the debugger listening: which extension scripts the page
 * evaluated, and the longest task they caused. Tracing and the debugger slow the page, so its
 * task time is not counted; it also finds how long after its load event this page is read.
 * Collecting the trace takes the browser about a second: it resolves in `finished`, once the
 * traced tab is closed, so that the traced loads of several builds can be made first and their
 * traces collected together.
 */
export async function tracedLoad(context: BrowserContext, url: string, settleMs: number): Promise<TracedLoad> {
  const { page, session } = await openMeasured(context);
  const tabId = await tabIdOf(context, page);
  const before = await metrics(session);
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
    const windowMs = await waitForRecoupe(context, session, tabId, Date.now(), settleMs);
    const after = await metrics(session);
    const highlights = (await evaluate<number>(session, HIGHLIGHT_RANGES)) ?? 0;
    const recoupeState = await runState(context, session, tabId);
    await session.send('Debugger.disable');
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    const pageUrl = page.url();
    const finished = complete
      .then(() => ({ cost: extensionCost(events, pageUrl), scripts: extensionScripts(parsed, contexts) }))
      .finally(() => page.close().catch(() => undefined));
    return { figures: { ...delta(before, after, true), highlights, windowMs, recoupeState }, finished };
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
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
