import { contentScript, webPages } from '../platform/manifest';
import { isPausedOn, siteOf, type Settings } from '../settings/settings';

/** The id the bootstrap is registered under (scripting.registerContentScripts). */
export const BOOT_ID = 'recoupe-boot';

/** What the bootstrap's registration says, as scripting.registerContentScripts takes it. */
export interface BootScript {
  id: string;
  js: string[];
  matches: string[];
  excludeMatches: string[];
  runAt: 'document_idle';
  allFrames: false;
  persistAcrossSessions: true;
}

/** The part of `browser.scripting` the registration uses. */
export interface Scripting {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(scripts: BootScript[]): Promise<unknown>;
  updateContentScripts(scripts: BootScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/** A domain name a match pattern can hold: labels of letters, digits and dashes, the last not all digits. */
const DOMAIN = /^([a-z0-9-]+\.)*[a-z0-9-]*[a-z-][a-z0-9-]*$/;
/** An IPv4 address: a host whose last label is a number is parsed as one, "www." before it is no host at all. */
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * The pages of a paused site, as match patterns: the site and its "www." host (one site to a
 * reader, see siteKey), on any scheme and port. A site no pattern can name (an IPv6 address, a
 * port) has none, since one invalid pattern makes the browser refuse the whole registration: the
 * background still answers its page's run as paused and matches nothing.
 */
export function pausedPatterns(site: string): string[] {
  if (IPV4.test(site)) return [`*://${site}/*`];
  return DOMAIN.test(site) ? [`*://${site}/*`, `*://www.${site}/*`] : [];
}

/**
 * The bootstrap's registration under these settings: every http(s) page's top frame once idle, as
 * the manifest would say, but never a paused site's page, so that such a page runs no line of
 * Recoupe and the bootstrap need not ask first whether it may read the page. None at all when
 * Recoupe is paused everywhere.
 */
export function bootScript(settings: Pick<Settings, 'pausedSites' | 'pausedEverywhere'>): BootScript | null {
  if (settings.pausedEverywhere) return null;
  return {
    id: BOOT_ID,
    js: [contentScript],
    matches: webPages,
    excludeMatches: settings.pausedSites.flatMap(pausedPatterns),
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

/**
 * Whether a page was on a paused site under `before` and is not under `after`: loaded while paused,
 * it has no content script, which the background runs in it once resumed.
 */
export function resumedOn(before: Pick<Settings, 'pausedSites' | 'pausedEverywhere'>, after: Pick<Settings, 'pausedSites' | 'pausedEverywhere'>, url: string | undefined): boolean {
  return siteOf(url) !== null && isPausedOn(before, url) && !isPausedOn(after, url);
}

/**
 * Keeps the bootstrap's registration in line with the settings it is given, one change at a time
 * (two quick changes must not register twice). The browser keeps the registration across restarts
 * and updates; each worker start brings it in line again all the same.
 */
export function bootRegistrar(scripting: Scripting, warn: (err: unknown) => void): (settings: Pick<Settings, 'pausedSites' | 'pausedEverywhere'>) => Promise<void> {
  let queue = Promise.resolve();
  const apply = async (settings: Pick<Settings, 'pausedSites' | 'pausedEverywhere'>) => {
    const wanted = bootScript(settings);
    const registered = (await scripting.getRegisteredContentScripts({ ids: [BOOT_ID] })).length > 0;
    if (!wanted) {
      if (registered) await scripting.unregisterContentScripts({ ids: [BOOT_ID] });
    } else if (registered) await scripting.updateContentScripts([wanted]);
    else await scripting.registerContentScripts([wanted]);
  };
  return (settings) => (queue = queue.then(() => apply(settings)).catch(warn));
}
