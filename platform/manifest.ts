/**
 * What the extension asks of the browser, per target. Kept apart from wxt.config.ts so a unit test
 * can hold it to its promises: no permission a feature does not use, no remote code, no data out.
 *
 * Permissions:
 * - no `storage`: settings and saved comparisons live in the extension's IndexedDB.
 * - no `tabs`: a tab's address is read only where the extension may see it without it: http(s)
 *   pages through the host permissions below (tabs.onUpdated's change.url, the views' tabs.get,
 *   tabs.query), the extension's own pages, and with `activeTab` whatever page the popup is
 *   opened on. tabs.create/update/query/sendMessage themselves need no permission.
 * - `scripting` with the same host permissions: the background registers the bootstrap content
 *   script for every page but those of paused sites, and injects the content script's drawing
 *   half into a page only when it has something to show.
 * - `sidePanel` (Chrome only): Firefox has `sidebar_action`, which needs no permission.
 */
export type Target = 'chrome' | 'firefox' | string;

/**
 * The pages the content script already runs on, as host permissions: the install prompt says the
 * same thing (it already names every site), and the background and views may then read those
 * tabs' addresses, which tabs events and tabs.query otherwise leave out without `tabs`.
 */
export const webPages = ['http://*/*', 'https://*/*'];

/** Only the extension's own scripts run in its pages: no eval, no remote or inline script, no plugins. */
export const extensionPagesCsp = "script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * Firefox 140 (an ESR): the CSS Custom Highlight API the highlights are drawn with shipped there,
 * and it reads `data_collection_permissions`. Everything else used (sidebar_action,
 * Intl.Segmenter, requestIdleCallback) is older.
 */
export const firefoxMinVersion = '140.0';
export const firefoxAndroidMinVersion = '142.0';

/** Chrome 114: chrome.sidePanel. The Custom Highlight API (105) and Intl.Segmenter (87) are older. */
export const chromeMinVersion = '114';

/**
 * The content script every page loads, as built from entrypoints/content-boot.ts. The background
 * registers it (background/boot-script.ts) rather than the manifest, leaving paused sites out.
 */
export const contentScript = 'content-boot.js';

export function manifestFor(browser: Target, manifestVersion: 2 | 3) {
  const firefox = browser === 'firefox';
  return {
    name: 'Recoupe',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', ...(firefox ? [] : ['sidePanel']), ...(manifestVersion === 2 ? webPages : [])],
    ...(manifestVersion === 3 ? { host_permissions: webPages } : {}),
    action: { default_title: 'Recoupe' },
    content_security_policy: manifestVersion === 2 ? extensionPagesCsp : { extension_pages: extensionPagesCsp },
    ...(firefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'recoupe@recoupe.invalid',
              strict_min_version: firefoxMinVersion,
              // Nothing leaves the browser: no data type is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads `data_collection_permissions` from 142 on.
            gecko_android: { strict_min_version: firefoxAndroidMinVersion },
          },
        }
      : { minimum_chrome_version: chromeMinVersion }),
  };
}
