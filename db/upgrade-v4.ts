import type { Transaction } from 'dexie';

/** From version 3 to 4: the new `staged` store starts empty; every other row keeps its key and value. */
export async function upgradeToV4(_tx: Transaction): Promise<void> {}
