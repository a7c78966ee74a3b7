import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { openDb, restoreBundled } from '../db/index';
import { removeImported } from '../db/corpus-remove';
import { readSettings, writeSettings } from '../db/settings-store';
import { setLanguage } from '../i18n/t';
import { sensitivityOptions } from '../settings/sensitivity';
import { isPausedOn, pageSettings, siteOf, uiLanguageOf, type Settings } from '../settings/settings';
import { announceSettings } from '../background/announce-settings';
import { bootRegistrar, resumedOn, type Scripting } from '../background/boot-script';
import { askArticle } from '../background/ask-article';
import { corpusAdminHandlers } from '../background/corpus-admin';
import { importJobHandlers } from '../background/import-handlers';
import { linkHandlers } from '../background/link-handlers';
import { savedViewAddress } from '../components/saved-url';
import { setUpReadingMemory } from '../background/reading-memory-setup';
import { DWELL_MS } from '../background/reading-memory';
import { readPageMeta } from '../platform/read-meta';
import { beginImport, cancelImport, commitImport, stageImport } from '../db/import-job';
import { savedHandlers, savedMarks, type SavedDeps } from '../background/saved-handlers';
import { settingsHandlers } from '../background/settings-handlers';
import { storiesHandlers } from '../background/stories-handlers';
import { SettingsService } from '../background/settings-service';
import { notifyTabChanged } from '../messaging/notify';
import { announcePageFocus } from '../messaging/page-link';
import type { CorpusChanged, PageSettingsChanged } from '../messaging/tab-messages';
import { serve } from '../messaging/server';
import { openComparison } from '../platform/side-panel';
import { injectContentUi, injectFile } from '../platform/inject-ui';
import { contentScript } from '../platform/manifest';
import { setBadge } from '../background/badge';
import { CorpusService } from '../background/corpus-service';
import { dbStore } from '../background/db-store';
import { createHandlers } from '../background/handlers';
import { TabResults, isNavigation } from '../background/tab-results';
import { OpenLimit } from '../background/open-limit';
import { withRematch, type RematchDeps } from '../background/rematch-tabs';
import { RunTimeline } from '../background/run-timeline';

export default defineBackground(() => {
  const db = openDb();
  const corpus = new CorpusService(dbStore(db, bundledCorpus, corpusVersion));
  const tabs = new TabResults();
  const openLimit = new OpenLimit();
  const report = (err: unknown) => console.error('Recoupe: preparing the corpus failed', err);

  // Every worker start seeds (a no-op when the stored version is current), so a worker woken by a
  // message after the browser cleared its database still has a corpus; install and update seed too.
  corpus.start().catch(report);
  browser.runtime.onInstalled.addListener(() => {
    corpus.start().catch(report);
  });

  // The background's own messages (errors the views show) follow the reader's interface language.
  // `navigator` is missing where the worker code runs under Node (unit tests), hence the guard.
  const speak = (s: Settings) => setLanguage(uiLanguageOf(s.language, globalThis.navigator?.language));
  // The browser injects the bootstrap into pages that are not paused, so that it never asks first.
  const registerBoot = bootRegistrar(browser.scripting as unknown as Scripting, (err) => console.error('Recoupe: registering the content script failed', err));
  const settings = new SettingsService({ read: () => readSettings(db), write: (s) => writeSettings(db, s) }, (s, before) => {
    speak(s);
    // Registered first: a page that hears of a pause and reloads must not get the bootstrap again.
    return registerBoot(s).then(() => {
      announceSettings(s);
      resumePages(before, s);
    });
  });
  settings.get().then((s) => {
    speak(s);
    void registerBoot(s);
  }, () => undefined);

  const saved: SavedDeps = {
    db,
    tabs,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    openSaved: async (id) => {
      await browser.tabs.create({ url: savedViewAddress(browser.runtime.getURL('/saved.html'), id) });
    },
    warn: (message, err) => console.warn(message, err),
    openLimit,
  };

  let dwellMs: number | undefined;
  const reading = setUpReadingMemory({
    db,
    corpus,
    tabs,
    settings: () => settings.get(),
    tabUrl: async (tabId) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    readMeta: readPageMeta,
    dwellMs: () => dwellMs ?? DWELL_MS,
    warn: (message, err) => console.warn(message, err),
  });

  const handlers = {
    ...reading.handlers,
    ...createHandlers({
      corpus,
      pageMatched: (tab, url, text) => {
        reading.memory.pageMatched(tab, url, text).catch((err) => console.warn('Recoupe: reading memory', err));
      },
      tabs,
      setBadge,
      openComparison,
      notify: notifyTabChanged,
      openLimit,
      injectUi: injectContentUi,
      // The top frame's script reads the page and its frames again, and gets the whole match at once.
      redraw: (tabId, url) => {
        const message: CorpusChanged = { type: 'recoupe:corpus-changed' };
        // Only to the page the match was for: the tab may be loading another page, whose news of
        // the navigation has not reached this worker yet, and which reads itself anyway.
        browser.tabs
          .get(tabId)
          .then((tab) => (tab.url === undefined || !isNavigation({ url: tab.url }, url) ? browser.tabs.sendMessage(tabId, message, { frameId: 0 }) : undefined))
          .catch(() => undefined);
      },
      matchOptions: async () => sensitivityOptions((await settings.get()).sensitivity),
      pageSettings: async (url) => pageSettings(await settings.get(), url),
      savedMarks: (url, text) => savedMarks(saved, url, text),
    }),
    ...settingsHandlers(settings),
    ...linkHandlers({
      tabs,
      // The top frame only: the passages' offsets are in its article's text.
      sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }),
      announce: announcePageFocus,
    }),
    ...storiesHandlers({ corpus, matchOptions: async () => sensitivityOptions((await settings.get()).sensitivity) }),
    ...savedHandlers(saved),
    ...importJobHandlers({
      corpus,
      begin: (mode) => beginImport(db, mode),
      stage: (job, rows) => stageImport(db, job, rows),
      commit: (job) => commitImport(db, job),
      cancel: (job) => cancelImport(db, job),
      estimate: async () => {
        const { usage, quota } = await navigator.storage.estimate();
        return usage !== undefined && quota !== undefined ? { usage, quota } : null;
      },
      warn: (message, err) => console.warn(message, err),
    }),
    ...corpusAdminHandlers({
      corpus,
      removeImported: (ids) => removeImported(db, ids),
      restoreBundled: async () => {
        await restoreBundled(db, bundledCorpus, corpusVersion);
        return { total: await db.dispatches.count() };
      },
      askArticle,
      now: () => new Date(),
    }),
  };
  const rematch: RematchDeps = {
    showingPassages: () => tabs.showingPassages(),
    // Rejects (or, under test doubles, throws) when the tab has no content script to hear it.
    sendToTab: (tabId, message) => Promise.resolve().then(() => browser.tabs.sendMessage(tabId, message, { frameId: 0 })),
  };
  const timeline = new RunTimeline();

  /**
   * A page loaded while its site was paused has no content script: once the reader resumes, the
   * bootstrap is run in it as the browser would have (a page that still has one ignores the second).
   * Told from the tabs' addresses, not from this worker's memory, which a restart empties.
   */
  const resumePages = (before: Settings, after: Settings) => {
    browser.tabs.query({}).then((open) => {
      for (const tab of open) if (tab.id !== undefined && resumedOn(before, after, tab.url)) injectFile(tab.id, `/${contentScript}`).catch(() => undefined);
    }, () => undefined);
  };

  /** A page of a paused site runs no content script: the background says it is paused in its stead. */
  const notePaused = async (tabId: number, url: string | undefined) => {
    const generation = tabs.generation(tabId);
    if (siteOf(url) === null || !isPausedOn(await settings.get(), url) || tabs.generation(tabId) !== generation) return;
    tabs.setPaused(tabId, url);
    void setBadge(tabId, 0);
    notifyTabChanged(tabId, 'state');
  };
  serve(timeline.wrap({ ...handlers, ...withRematch(handlers, rematch) }));

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (!isNavigation(change, tabs.url(tabId))) return;
    // A single-page site changed its address without loading a page: its content script cannot see
    // history.pushState from its isolated world. The page settings notice makes it ask what the
    // settings mean for its (new) page, and read the page again when its address changed.
    if (change.url !== undefined) {
      const notice: PageSettingsChanged = { type: 'recoupe:page-settings-changed' };
      // Rejects (or, under test doubles, throws) when the tab has no content script to hear it.
      Promise.resolve()
        .then(() => browser.tabs.sendMessage(tabId, notice, { frameId: 0 }))
        .catch(() => undefined);
    }
    const had = tabs.state(tabId).status !== 'unknown';
    tabs.drop(tabId);
    reading.memory.tabGone(tabId);
    notePaused(tabId, change.url ?? tab.url).catch(() => undefined);
    if (!had) return;
    void setBadge(tabId, 0);
    notifyTabChanged(tabId, 'state');
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.forget(tabId);
    openLimit.forget(tabId);
    timeline.forget(tabId);
    reading.memory.tabGone(tabId);
  });

  // How each tab's run ended, for tools and browser tests driving a browser: they read it from this
  // worker, since the pages themselves carry no trace of Recoupe's results. No web page reaches here.
  Object.defineProperty(globalThis, 'recoupeDebug', {
    value: {
      page: (tabId: number) => tabs.report(tabId),
      uiLoadedFor: (tabId: number) => tabs.uiLoadedFor(tabId),
      runsFor: (tabId: number) => tabs.runsFor(tabId),
      urlOf: (tabId: number) => tabs.url(tabId),
      /** When the worker seeded, read its segments and aligned pages (benchmarks time a cold start with it). */
      corpusTrace: () => corpus.trace(),
      /** When the messages of the tab's latest run reached the worker and were answered (wall clock), and the worker's time origin. */
      runTimeline: (tabId: number) => ({ steps: timeline.of(tabId), origin: performance.timeOrigin }),
      /** Tabs whose page waits to count as read. */
      memoryPending: () => reading.memory.pending(),
      /** Browser tests do not wait 15 s for a page to count as read. */
      setMemoryDwell: (ms: number) => {
        dwellMs = ms;
      },
    },
  });
});
