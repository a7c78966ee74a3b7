import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { openDb, restoreBundled } from '../db/index';
import { removeImported } from '../db/corpus-remove';
import { readSettings, writeSettings } from '../db/settings-store';
import { setLanguage } from '../i18n/t';
import { sensitivityOptions } from '../settings/sensitivity';
import { uiLanguageOf, type Settings } from '../settings/settings';
import { announceSettings } from '../background/announce-settings';
import { askArticle } from '../background/ask-article';
import { corpusAdminHandlers } from '../background/corpus-admin';
import { savedHandlers, savedMarks, type SavedDeps } from '../background/saved-handlers';
import { settingsHandlers } from '../background/settings-handlers';
import { SettingsService } from '../background/settings-service';
import { notifyTabChanged } from '../messaging/notify';
import type { PageSettingsChanged } from '../messaging/tab-messages';
import { serve } from '../messaging/server';
import { openComparison } from '../platform/side-panel';
import { injectContentUi } from '../platform/inject-ui';
import { setBadge } from '../background/badge';
import { CorpusService } from '../background/corpus-service';
import { dbStore } from '../background/db-store';
import { createHandlers } from '../background/handlers';
import { TabResults, isNavigation } from '../background/tab-results';
import { OpenLimit } from '../background/open-limit';

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
  const settings = new SettingsService({ read: () => readSettings(db), write: (s) => writeSettings(db, s) }, (s) => {
    speak(s);
    announceSettings(s);
  });
  settings.get().then(speak, () => undefined);

  const saved: SavedDeps = {
    db,
    tabs,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    openSaved: async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/saved.html') });
    },
    warn: (message, err) => console.warn(message, err),
    openLimit,
  };

  serve({
    ...createHandlers({
      corpus,
      tabs,
      setBadge,
      openComparison,
      notify: notifyTabChanged,
      openLimit,
      injectUi: injectContentUi,
      matchOptions: async () => sensitivityOptions((await settings.get()).sensitivity),
      savedMarks: (url, text) => savedMarks(saved, url, text),
    }),
    ...settingsHandlers(settings),
    ...savedHandlers(saved),
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
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
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
    if (!had) return;
    void setBadge(tabId, 0);
    notifyTabChanged(tabId, 'state');
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.forget(tabId);
    openLimit.forget(tabId);
  });

  // How each tab's run ended, for tools and browser tests driving a browser: they read it from this
  // worker, since the pages themselves carry no trace of Recoupe's results. No web page reaches here.
  Object.defineProperty(globalThis, 'recoupeDebug', {
    value: {
      page: (tabId: number) => tabs.report(tabId),
      uiLoadedFor: (tabId: number) => tabs.uiLoadedFor(tabId),
      runsFor: (tabId: number) => tabs.runsFor(tabId),
      urlOf: (tabId: number) => tabs.url(tabId),
    },
  });
});
