import type { Dispatch } from '../engine/index';
import type { DispatchInfo } from '../messaging/protocol';
import type { RecoupeDB } from './recoupe-db';
import { toDispatch, toInfo } from './stored-dispatch';

/** The dispatches with these ids that exist, in the order asked. */
export async function getDispatches(db: RecoupeDB, ids: string[]): Promise<Dispatch[]> {
  const rows = await db.dispatches.bulkGet(ids);
  return rows.flatMap((r) => (r ? [toDispatch(r)] : []));
}

/**
 * The dispatches with these ids that exist, in the order asked, each with its label: one read for
 * a page's candidates gives its result's labels too.
 */
export async function getDispatchesWithInfo(db: RecoupeDB, ids: string[]): Promise<{ dispatch: Dispatch; info: DispatchInfo }[]> {
  const rows = await db.dispatches.bulkGet(ids);
  return rows.flatMap((r) => (r ? [{ dispatch: toDispatch(r), info: toInfo(r) }] : []));
}

export async function getDispatch(db: RecoupeDB, id: string): Promise<Dispatch | undefined> {
  const row = await db.dispatches.get(id);
  return row ? toDispatch(row) : undefined;
}

/** Labels of every dispatch, by id, without their text. */
export async function listDispatchInfo(db: RecoupeDB): Promise<DispatchInfo[]> {
  const rows = await db.dispatches.toArray();
  return rows.map(toInfo);
}

/** Labels of these dispatches (those that exist), without their text: what a page's result names. */
export async function getDispatchInfo(db: RecoupeDB, ids: string[]): Promise<DispatchInfo[]> {
  const rows = await db.dispatches.bulkGet(ids);
  return rows.flatMap((r) => (r ? [toInfo(r)] : []));
}
