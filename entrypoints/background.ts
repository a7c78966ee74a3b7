import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { bundledCorpus, corpusVersion } from '../corpus/bundled';
import { openDb } from '../db/index';
import { notifyTabChanged } from '../messaging/notify';
import { serve } from '../messaging/server';
import { openComparison } from '../platform/side-panel';
import { setBadge } from '../background/badge';
import { CorpusService } from '../background/corpus-service';
import { dbStore } from '../background/db-store';
import { createHandlers } from '../background/handlers';
import { TabResults, isNavigation } from '../background/tab-results';

export default defineBackground(() => {
  const corpus = new CorpusService(dbStore(openDb(), bundledCorpus, corpusVersion));
  const tabs = new TabResults();
  const report = (err: unknown) => console.error('Recoupe: preparing the corpus failed', err);

  // Every worker start seeds (a no-op when the stored version is current), so a worker woken by a
  // message after the browser cleared its database still has a corpus; install and update seed too.
  corpus.start().catch(report);
  browser.runtime.onInstalled.addListener(() => {
    corpus.start().catch(report);
  });

  serve(
    createHandlers({
      corpus,
      tabs,
      setBadge,
      openComparison,
      notify: notifyTabChanged,
    }),
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!isNavigation(change, tabs.url(tabId))) return;
    const had = tabs.state(tabId).status !== 'unknown';
    tabs.drop(tabId);
    if (!had) return;
    void setBadge(tabId, 0);
    notifyTabChanged(tabId, 'state');
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));
});
