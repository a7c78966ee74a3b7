import { browser } from 'wxt/browser';
import { badgeText } from './page-result';

/** Dark enough for white badge text to read at more than 4.5:1. */
const BADGE_COLOR = '#9a3412';

type ActionApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor'>;

function actionApi(): ActionApi | undefined {
  // Firefox's MV2 build has browserAction where MV3 has action.
  return (browser.action ?? (browser as unknown as { browserAction?: ActionApi }).browserAction) as ActionApi | undefined;
}

/** Shows the number of passages on the tab's toolbar button; `0` clears it. */
export async function setBadge(tabId: number, passages: number): Promise<void> {
  const action = actionApi();
  if (!action) return;
  const text = badgeText(passages);
  try {
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  } catch {
    // The tab closed meanwhile; nothing to show it on.
  }
}
