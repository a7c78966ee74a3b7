import type { ReadPageMeta, ReadRecord } from '../corpus/read-dispatch';
import { countWords } from '../db/stored-dispatch';
import { creditedAgencies, findCredits } from '../engine/credits';
import { paragraphOriginsFrom, type OriginEvidence } from '../engine/origin';
import { mayRemember } from '../settings/memory-settings';
import { isPausedOn, siteOf, type Settings } from '../settings/settings';

/** Pages shorter than this are not articles worth remembering (teasers, captions, navigation pages); a news brief is longer. */
export const MIN_WORDS = 80;
/** How long a page must stay open in its tab, shown, before it counts as read. */
export const DWELL_MS = 15_000;

export interface ReadingMemoryDeps {
  settings(): Promise<Settings>;
  /** The tab's current address; undefined when the tab is gone. */
  tabUrl(tabId: number): Promise<string | undefined>;
  /** The article text and title the background matched for this tab at this address, and what its passages copy, if it still holds them. */
  pageOf(tabId: number, url: string): { title: string; text: string; evidence: OriginEvidence[] } | null;
  /** What the page says about itself, read in the tab. */
  readMeta(tabId: number): Promise<ReadPageMeta | null>;
  /** Builds the record of a read page (corpus/read-dispatch.ts). */
  record(page: { url: string; title: string; text: string; meta: ReadPageMeta }, readAt: Date): ReadRecord;
  /** Stores it (and keeps the memory within its limits). */
  store(record: ReadRecord, credits: string[], readAt: Date, byline?: string): Promise<void>;
  now(): Date;
  dwellMs(): number;
  warn(message: string, err: unknown): void;
}

/**
 * Remembers the articles the reader reads, when they chose to: a page matched in a tab is stored
 * once it has stayed there a moment, in the background (the page does nothing more). Nothing from
 * private windows, excluded or paused sites, or pages too short to be articles.
 */
export class ReadingMemory {
  private readonly waiting = new Map<number, { url: string; timer: ReturnType<typeof setTimeout> }>();
  /** The record stored for each tab's page, while the tab shows it. */
  private readonly stored = new Map<number, { url: string; id: string }>();

  constructor(private readonly deps: ReadingMemoryDeps) {}

  /** A page of this tab was matched: remember it if it is still there after the dwell time. */
  async pageMatched(tab: { id: number; incognito?: boolean }, url: string, text: string): Promise<void> {
    this.tabGone(tab.id);
    if (tab.incognito) return;
    const settings = await this.deps.settings();
    if (!mayRemember(settings, siteOf(url)) || isPausedOn(settings, url)) return;
    if (countWords([text]) < MIN_WORDS) return;
    const timer = setTimeout(() => {
      this.waiting.delete(tab.id);
      this.remember(tab.id, url).catch((err) => this.deps.warn('Recoupe: a read page was not remembered', err));
    }, this.deps.dwellMs());
    this.waiting.set(tab.id, { url, timer });
  }

  /** The tab navigated elsewhere or closed: its page was not read long enough. */
  tabGone(tabId: number): void {
    this.stored.delete(tabId);
    const entry = this.waiting.get(tabId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.waiting.delete(tabId);
  }

  /** The id of the record stored for the page a tab shows, if it was remembered in this worker's life. */
  rememberedFor(tabId: number): string | undefined {
    return this.stored.get(tabId)?.id;
  }

  /** Tabs whose page waits for its dwell time (for the browser tests). */
  pending(): number[] {
    return [...this.waiting.keys()];
  }

  private async remember(tabId: number, url: string): Promise<void> {
    if ((await this.deps.tabUrl(tabId)) !== url) return;
    // Settings may have changed during the dwell time (memory turned off, site excluded).
    const settings = await this.deps.settings();
    if (!mayRemember(settings, siteOf(url)) || isPausedOn(settings, url)) return;
    const page = this.deps.pageOf(tabId, url);
    if (!page) return;
    const meta = (await this.deps.readMeta(tabId).catch(() => null)) ?? {};
    const readAt = this.deps.now();
    const record = this.deps.record({ url, title: page.title, text: page.text, meta }, readAt);
    // Paragraphs copied from texts of another origin are that origin's (a page mixing AFP copy and its own reporting).
    const origins = paragraphOriginsFrom(record.dispatch.paragraphs, page.text, page.evidence, record.dispatch.origin);
    if (origins) record.dispatch.origins = origins;
    const credits = creditedAgencies(findCredits(page.text, meta.byline));
    await this.deps.store(record, credits, readAt, meta.byline);
    this.stored.set(tabId, { url, id: record.dispatch.id });
  }
}
