import type { PageDrawn, PageReport, PageResult, TabState } from '../messaging/protocol';

/**
 * Per-tab analysis states and focused passages, held in the worker's memory only: a restarted
 * worker starts empty and the views report the page as not analysed.
 */
export class TabResults {
  private states = new Map<number, TabState>();
  private urls = new Map<number, string>();
  private focus = new Map<number, number>();
  /** Bumped on every drop so a match that finishes after its tab navigated is not stored. */
  private generations = new Map<number, number>();
  /** What the content script drew for the current 'done' state; cleared whenever the state changes. */
  private drawn = new Map<number, PageDrawn>();
  private paused = new Set<number>();
  private changed = new Map<number, number>();
  /** Pages of each tab the drawing half was injected into, for tools checking that bare pages never get it. */
  private uiLoads = new Map<number, string[]>();
  /** The generation of each tab when the drawing half last went into its page: a navigation (drop) makes it stale. */
  private uiGenerations = new Map<number, number>();
  /** Runs each tab's content script reported (a match asked, or no article), since the tab opened. */
  private runs = new Map<number, number>();
  /** Callers waiting for a tab's page to report its drawing (see whenDrawn). */
  private waiting = new Map<number, (() => void)[]>();
  /** The result a page still shows while the same address is matched again (see shown). */
  private previous = new Map<number, PageResult>();

  constructor(private readonly now: () => number = Date.now) {}

  generation(tabId: number): number {
    return this.generations.get(tabId) ?? 0;
  }

  /** Records a state unless the tab dropped its result since `generation` was read. */
  set(tabId: number, state: TabState, url: string | undefined, generation = this.generation(tabId)): boolean {
    if (generation !== this.generation(tabId)) return false;
    const old = this.states.get(tabId);
    if (state.status !== 'matching') this.previous.delete(tabId);
    else if (old?.status === 'done' && (url === undefined || url === this.urls.get(tabId))) this.previous.set(tabId, old.result);
    this.states.set(tabId, state);
    if (url !== undefined) this.urls.set(tabId, url);
    this.drawn.delete(tabId);
    this.paused.delete(tabId);
    this.changed.set(tabId, this.now());
    return true;
  }

  /** The reader paused Recoupe on this tab's site: nothing analysed, nothing drawn. */
  setPaused(tabId: number, url: string | undefined): void {
    this.drop(tabId);
    this.set(tabId, { status: 'no-article' }, url);
    this.paused.add(tabId);
  }

  /** Records what the content script drew; ignored unless the tab's match is done (a late report of an older run). */
  setDrawn(tabId: number, drawn: PageDrawn): boolean {
    if (this.states.get(tabId)?.status !== 'done') return false;
    this.drawn.set(tabId, drawn);
    this.changed.set(tabId, this.now());
    this.wake(tabId);
    return true;
  }

  /**
   * Resolves once the tab's page reports what it drew, its result is dropped, or `ms` have passed:
   * work that can wait runs after the page's drawing, which needs the worker too.
   */
  whenDrawn(tabId: number, ms: number): Promise<void> {
    if (this.drawn.has(tabId)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      const list = this.waiting.get(tabId) ?? [];
      list.push(done);
      this.waiting.set(tabId, list);
    });
  }

  private wake(tabId: number): void {
    const list = this.waiting.get(tabId);
    this.waiting.delete(tabId);
    for (const done of list ?? []) done();
  }

  /** The drawing half went into the tab's page, as it was at `generation` (read before injecting). */
  noteUiLoaded(tabId: number, url: string | undefined, generation = this.generation(tabId)): void {
    const list = this.uiLoads.get(tabId) ?? [];
    list.push(url ?? '');
    this.uiLoads.set(tabId, list);
    this.uiGenerations.set(tabId, generation);
  }

  /**
   * Whether the tab's page has the drawing half, as far as this worker knows: a restarted worker
   * says no (injected again, the drawing half does nothing), and so does a tab whose result was
   * dropped in the same page; a navigation the worker has not heard of yet makes it say yes of a
   * page without it, which then asks for it (load-ui).
   */
  hasUi(tabId: number): boolean {
    return this.uiGenerations.get(tabId) === this.generation(tabId);
  }

  /** A content script run reached the background: counted for tools checking that pages are not read again and again. */
  noteRun(tabId: number): void {
    this.runs.set(tabId, (this.runs.get(tabId) ?? 0) + 1);
  }

  runsFor(tabId: number): number {
    return this.runs.get(tabId) ?? 0;
  }

  /** Every page of this tab (since the tab opened) the drawing half was injected into. */
  uiLoadedFor(tabId: number): string[] {
    return [...(this.uiLoads.get(tabId) ?? [])];
  }

  /** The run as the content script ended it: a match is 'done' only once drawn. */
  report(tabId: number): PageReport {
    const at = this.changed.get(tabId) ?? 0;
    if (this.paused.has(tabId)) return { state: 'paused', at };
    const state = this.states.get(tabId);
    if (!state) return { state: 'unknown', at };
    if (state.status !== 'done') return { state: state.status, at };
    const drawn = this.drawn.get(tabId);
    return drawn ? { state: 'done', at, drawn } : { state: 'matching', at };
  }

  state(tabId: number): TabState {
    return this.states.get(tabId) ?? { status: 'unknown' };
  }

  result(tabId: number): PageResult | null {
    const state = this.states.get(tabId);
    return state?.status === 'done' ? state.result : null;
  }

  /**
   * The result whose passages the page shows: the current one, or, while the same address is
   * matched again (the corpus changed, the text grew), the one before, whose drawing stays on the
   * page until the new one replaces it. A passage saved from the card in that moment is the one
   * the reader saw.
   */
  shown(tabId: number): PageResult | null {
    const current = this.result(tabId);
    if (current) return current;
    return this.states.get(tabId)?.status === 'matching' ? (this.previous.get(tabId) ?? null) : null;
  }

  url(tabId: number): string | undefined {
    return this.urls.get(tabId);
  }

  /** Tabs whose page shows passages from the corpus: those a removal from the corpus can change. */
  showingPassages(): number[] {
    const ids: number[] = [];
    for (const [tabId, state] of this.states) if (state.status === 'done' && state.result.passages.length > 0) ids.push(tabId);
    return ids;
  }

  setFocus(tabId: number, passage: number): void {
    this.focus.set(tabId, passage);
  }

  getFocus(tabId: number): { passage: number } | null {
    const passage = this.focus.get(tabId);
    return passage === undefined ? null : { passage };
  }

  drop(tabId: number): void {
    this.states.delete(tabId);
    this.previous.delete(tabId);
    this.urls.delete(tabId);
    this.focus.delete(tabId);
    this.drawn.delete(tabId);
    this.paused.delete(tabId);
    this.changed.set(tabId, this.now());
    this.generations.set(tabId, this.generation(tabId) + 1);
    this.wake(tabId);
  }

  /** Forgets a closed tab entirely. */
  forget(tabId: number): void {
    this.drop(tabId);
    this.generations.delete(tabId);
    this.changed.delete(tabId);
    this.uiLoads.delete(tabId);
    this.uiGenerations.delete(tabId);
    this.runs.delete(tabId);
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * Whether a tabs.onUpdated change means the cached result no longer describes the page.
 * A jump to an anchor of the same page keeps it: the content script does not run again.
 */
export function isNavigation(change: { status?: string; url?: string }, cachedUrl: string | undefined): boolean {
  if (change.url !== undefined) {
    return cachedUrl === undefined || withoutFragment(change.url) !== withoutFragment(cachedUrl);
  }
  return change.status === 'loading';
}
