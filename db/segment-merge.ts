import { canMergeIndexes, planMerge, type LiveSegment, type MergePolicy, type Segment } from '../engine/index';
import { mergeSegmentsSteps } from '../engine/segments/merge-segments';
import { buildSegmentSteps } from '../engine/segments/segment-set';
import { decodeSegmentHalves, hasEarlierTextLayout, isSegmentHalf } from '../engine/segments/segment-codec';
import type { Steps } from '../engine/segments/steps';
import type { RecoupeDB } from './recoupe-db';
import type { StoredDispatch } from './rows';
import { runInSlices } from './run-in-slices';
import { deleteSegments, docOf, factsKey, readManifest, segmentRows, writeManifest } from './segment-store';
import { encodeSegmentBlobsSteps, type SegmentBlobs } from './segment-samples';

/** A merge switched in: the segments it replaced and the segment that replaced them. */
export interface MergeDone {
  merged: string[];
  segment: Segment;
}

/** A merge read and built, not switched in yet (see buildMerge). */
export interface BuiltMerge {
  /** The segments it replaces. */
  plan: string[];
  /**
   * Switches the merged segment in with the manifest, in one transaction; null, changing nothing,
   * when its segments were merged or dropped since they were read.
   */
  switchIn(): Promise<MergeDone | null>;
}

/** How a merge's build is run: in slices of the worker's time by default (see runInSlices). */
export type RunSteps = <T>(steps: Steps<T>) => Promise<T>;

/**
 * One merge the tiered policy asks for, if any: reads the segments to merge and where their live
 * dispatches are, then switches the merged segment in. See buildMerge.
 */
export async function mergeStep(db: RecoupeDB, policy?: MergePolicy, run?: RunSteps): Promise<MergeDone | null> {
  const built = await buildMerge(db, policy, run);
  return built ? built.switchIn() : null;
}

/**
 * Reads the segments of the merge the tiered policy asks for and where their live dispatches are,
 * then builds the merged segment and its blobs with no transaction open, in slices (a write, or a
 * page's request, goes on meanwhile); null when no merge is due. The merged segment is made from
 * the segments' own indexes (see mergeSegments); segments stored under earlier rules or layouts
 * are merged by analysing the texts of their live dispatches again. Dispatches removed or updated
 * before the switch are tombstones in the new segment; a merge that lost its segments to another
 * changes nothing.
 */
export async function buildMerge(db: RecoupeDB, policy?: MergePolicy, run: RunSteps = runInSlices): Promise<BuiltMerge | null> {
  const planned = await db.transaction('r', [db.meta, db.located, db.segments, db.dispatches], async () => {
    const manifest = await readManifest(db);
    if (!manifest) return null;
    const plan = planMerge(
      manifest.live.map((l) => ({ id: l.id, docs: l.docs, removed: l.removed.length })),
      policy,
    );
    if (!plan) return null;
    const located = await db.located.where('seg').anyOf(plan).toArray();
    const inputs = await readMergeInputs(db, plan, located);
    if (inputs) return { plan, inputs, rows: [] };
    const rows = (await db.dispatches.bulkGet(located.map((l) => l.id))).filter((r): r is StoredDispatch => r !== undefined);
    return { plan, inputs: null, rows };
  });
  if (!planned) return null;
  const { plan, inputs, rows } = planned;
  const segment = await run(inputs ? mergeSegmentsSteps('merged', inputs) : buildSegmentSteps('merged', rows.map(docOf)));
  const halves = await run(encodeSegmentBlobsSteps(segment));
  return { plan, switchIn: () => switchIn(db, plan, segment, halves) };
}

function switchIn(db: RecoupeDB, plan: string[], segment: Segment, halves: SegmentBlobs): Promise<MergeDone | null> {
  return db.transaction('rw', [db.meta, db.segments, db.located], async () => {
    const manifest = await readManifest(db);
    if (!manifest || !plan.every((id) => manifest.live.some((l) => l.id === id))) return null;
    const still = new Set((await db.located.where('seg').anyOf(plan).primaryKeys()) as string[]);
    const id = `seg-${manifest.next++}`;
    const removed: number[] = [];
    const located = segment.text.ids.flatMap((doc, at) => {
      if (still.has(doc)) return [{ id: doc, seg: id, at }];
      removed.push(at);
      return [];
    });
    await deleteSegments(db, plan);
    manifest.live = manifest.live.filter((l) => !plan.includes(l.id));
    if (located.length > 0) {
      await db.segments.bulkPut(segmentRows(id, halves));
      await db.located.bulkPut(located);
      manifest.live.push({ id, docs: segment.text.ids.length, removed });
    }
    await writeManifest(db, manifest);
    return { merged: plan, segment: { ...segment, id } };
  });
}

/**
 * The segments of a merge, decoded, each with the positions of its dispatches that are not live
 * (`located` lists the live ones); null when one is stored under earlier rules or layouts (its
 * texts are then analysed again) or disagrees with `located`.
 */
async function readMergeInputs(db: RecoupeDB, plan: readonly string[], located: readonly { id: string; seg: string; at: number }[]): Promise<LiveSegment[] | null> {
  const rows = await db.segments.bulkGet(plan.flatMap((id) => [id, factsKey(id)]));
  const inputs: LiveSegment[] = [];
  for (let i = 0; i < plan.length; i++) {
    const text = rows[2 * i]?.blob;
    const facts = rows[2 * i + 1]?.blob;
    if (!text || !facts || !isSegmentHalf(text) || hasEarlierTextLayout(text)) return null;
    const segment = { ...decodeSegmentHalves(text, facts), id: plan[i] };
    if (!canMergeIndexes(segment)) return null;
    const live = new Uint8Array(segment.text.ids.length);
    for (const l of located) {
      if (l.seg !== plan[i]) continue;
      if (segment.text.ids[l.at] !== l.id) return null;
      live[l.at] = 1;
    }
    const removed: number[] = [];
    live.forEach((ok, at) => {
      if (!ok) removed.push(at);
    });
    inputs.push({ segment, removed });
  }
  return inputs;
}

/** Merges until the policy is satisfied (at most `max` merges); returns how many ran. */
export async function mergeAll(db: RecoupeDB, policy?: MergePolicy, max = 64): Promise<number> {
  let n = 0;
  while (n < max && (await mergeStep(db, policy)) !== null) n++;
  return n;
}
