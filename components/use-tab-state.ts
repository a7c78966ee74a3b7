import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../messaging/client';
import { onTabChanged } from '../messaging/notify';
import type { TabState } from '../messaging/protocol';

export { isWebUrl, readQuery } from './query';

/** What a view shows for its tab: the background's state, or why there is none yet. */
export type ViewState = TabState | { status: 'loading' } | { status: 'no-tab' } | { status: 'failed'; error: string };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The tab a view describes: the fixed one from the query, else the active tab of this window,
 * following tab switches when `follow` is set (the side panel stays open across tabs).
 */
export function useTargetTab(fixed: number | null, follow: boolean): { tabId: number | null; resolved: boolean } {
  const [tabId, setTabId] = useState<number | null>(fixed);
  const [resolved, setResolved] = useState(fixed !== null);

  useEffect(() => {
    if (fixed !== null) return;
    let live = true;
    let windowId: number | undefined;
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        if (!live) return;
        windowId = tab?.windowId;
        setTabId(tab?.id ?? null);
        setResolved(true);
      })
      .catch(() => live && setResolved(true));
    if (!follow) return () => void (live = false);
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixed, follow]);

  return { tabId, resolved };
}

/** The background's state for a tab, refreshed whenever the background says it changed. */
export function useTabState(
  tabId: number | null,
  resolved: boolean,
): { state: ViewState; url: string | undefined; pageLoading: boolean } {
  const [state, setState] = useState<ViewState>({ status: 'loading' });
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [pageLoading, setPageLoading] = useState(false);

  useEffect(() => {
    if (tabId === null) {
      setState(resolved ? { status: 'no-tab' } : { status: 'loading' });
      return;
    }
    let live = true;
    let asked = 0;
    const refresh = () => {
      const ask = ++asked;
      send('get-tab-state', { tabId }).then(
        (next) => live && ask === asked && setState(next),
        (err: unknown) => live && ask === asked && setState({ status: 'failed', error: errorText(err) }),
      );
      browser.tabs.get(tabId).then(
        (tab) => {
          if (!live) return;
          setUrl(tab.url);
          setPageLoading(tab.status === 'loading');
        },
        () => live && setUrl(undefined),
      );
    };
    setState({ status: 'loading' });
    refresh();
    const off = onTabChanged((change) => {
      if (change.tabId === tabId && change.what === 'state') refresh();
    });
    // A page still loading has not been analysed yet, and will be: say so rather than "reload".
    const onUpdated = (id: number, change: { status?: string }) => {
      if (id === tabId && change.status) setPageLoading(change.status === 'loading');
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      off();
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, resolved]);

  return { state, url, pageLoading };
}
