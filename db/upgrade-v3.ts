import type { Transaction } from 'dexie';

/**
 * From version 2 to 3: the new `segments` and `located` stores start empty, and every dispatch,
 * saved comparison, setting and whole-index row keeps its key and value. The segmented index is
 * built from the stored dispatches on first need (ensureSegments), outside the upgrade, which must
 * stay short: a browser aborts an upgrade that runs for seconds.
 */
export async function upgradeToV3(_tx: Transaction): Promise<void> {}
