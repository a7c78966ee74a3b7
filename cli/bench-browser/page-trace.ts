import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; documentLoaderURL?: string; frame?: string; isMainFrame?: boolean }; frame?: string };
}

/** A step of the page's side of a run, in ms since the page's navigation start. */
export interface PageStep {
  what: string;
  ms: number;
  /** How long the step's task ran, when it is one task. */
  durMs?: number;
}

const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute', 'disabled-by-default-devtools.timeline'].join(',');

/**
 * Records the browser's trace (through the DevTools protocol, which the page cannot observe) while
 * `load` runs, and reads from it when the extension's scripts ran in the page's renderer: the
 * bootstrap's evaluation, its later tasks (idle slices, replies), the drawing half's evaluation.
 */
export async function tracePageRun<T>(context: BrowserContext, page: Page, extensionId: string, marker: string, load: () => Promise<T>): Promise<{ result: T; steps: PageStep[] }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await load();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
  }
  return { result, steps: pageSteps(events, extensionId, marker) };
}

function pageSteps(events: TraceEvent[], extensionId: string, marker: string): PageStep[] {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.includes(marker));
  if (!nav) return [];
  const ms = (ts: number) => Math.round((ts - nav.ts) / 100) / 10;
  const base = `chrome-extension://${extensionId}/`;
  const steps: PageStep[] = [];
  const renderer = events.filter((e) => e.pid === nav.pid && e.ts >= nav.ts);
  for (const e of renderer) {
    const url = e.args?.data?.url ?? '';
    const script = url.startsWith(base) ? url.slice(base.length) : '';
    if (e.name === 'MarkDOMContent' && e.args?.data?.isMainFrame) steps.push({ what: 'DOMContentLoaded', ms: ms(e.ts) });
    else if (e.name === 'MarkLoad' && e.args?.data?.isMainFrame) steps.push({ what: 'load', ms: ms(e.ts) });
    else if (e.ph === 'X' && script && (e.name === 'EvaluateScript' || e.name === 'v8.run' || e.name === 'FunctionCall'))
      steps.push({ what: `${e.name} ${script}`, ms: ms(e.ts), durMs: e.dur !== undefined ? Math.round(e.dur / 100) / 10 : undefined });
    else if (e.name === 'FireIdleCallback' && e.ph === 'X') steps.push({ what: 'idle callback', ms: ms(e.ts), durMs: e.dur !== undefined ? Math.round(e.dur / 100) / 10 : undefined });
    else if (e.name === 'Paint' || e.name === 'PrePaint') steps.push({ what: e.name, ms: ms(e.ts) });
  }
  return steps.sort((a, b) => a.ms - b.ms);
}
