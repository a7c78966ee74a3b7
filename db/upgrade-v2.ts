import type { Transaction } from 'dexie';

/**
 * From version 1 to 2. Version 1 had no saved comparisons, so there is nothing to carry over: the
 * new `saved` store starts empty and the corpus, index and settings stores keep their keys and rows.
 * The function stays so that a later change of the saved records has its place in the chain.
 */
export async function upgradeToV2(_tx: Transaction): Promise<void> {}
