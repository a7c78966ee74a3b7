import { SegmentSet, type Segment } from '../engine/index';
import type { PackedText } from '../engine/segments/packed-text';
import { TextView } from '../engine/segments/text-view';
import { SampleView } from '../engine/match-sampled';
import type { TextSample } from '../engine/segments/text-sample';

/** What a stored manifest says of the live segments: which, oldest first, and their tombstones. */
export interface LiveList {
  live: readonly { id: string; removed: readonly number[] }[];
}

/** The stored manifest and the live segments a reader did not hold yet, decoded (see readLive). */
export interface LiveRead {
  manifest: LiveList;
  fresh: Segment[];
}

/** The stored manifest and the text indexes of its live segments, in its order (see readLiveText). */
export interface LiveText {
  manifest: LiveList;
  texts: readonly { id: string; text: PackedText }[];
}

/** The stored manifest and the text samples of its live segments, in its order (see readLiveSamples). */
export interface LiveSamples {
  manifest: LiveList;
  samples: readonly { id: string; sample: TextSample }[];
}

/** The samples of the live segments, their tombstones applied. */
export function sampleViewFrom({ manifest, samples }: LiveSamples): SampleView {
  const byId = new Map(samples.map((s) => [s.id, s.sample]));
  return new SampleView(
    manifest.live.map((l) => {
      const sample = byId.get(l.id);
      if (!sample) throw new Error(`The corpus index is damaged: the sample of segment "${l.id}" was not read.`);
      return { sample, dead: deadOf(sample.text.ids.length, l.removed) };
    }),
  );
}

function deadOf(size: number, removed: readonly number[]): Uint8Array | null {
  if (removed.length === 0) return null;
  const dead = new Uint8Array(size);
  for (const at of removed) dead[at] = 1;
  return dead;
}

/** The text view of the live segments, their tombstones applied: the text index one SegmentSet of them would give. */
export function textViewFrom({ manifest, texts }: LiveText): TextView {
  const byId = new Map(texts.map((t) => [t.id, t.text]));
  return new TextView(
    manifest.live.map((l) => {
      const index = byId.get(l.id);
      if (!index) throw new Error(`The corpus index is damaged: segment "${l.id}" was not read.`);
      return { index, dead: deadOf(index.ids.length, l.removed) };
    }),
  );
}

/** A set of the stored segments, all read and decoded. */
export function setFrom({ manifest, fresh }: LiveRead): SegmentSet {
  const byId = new Map(fresh.map((s) => [s.id, s]));
  return new SegmentSet(
    manifest.live.map((l) => {
      const segment = byId.get(l.id);
      if (!segment) throw new Error(`The corpus index is damaged: segment "${l.id}" was not read.`);
      return { segment, removed: [...l.removed] };
    }),
  );
}

/**
 * Brings a set held in memory to the stored manifest: adds the segments written since (already
 * decoded in `fresh`) and the tombstones written since. False, changing nothing, when the set
 * holds a segment the manifest no longer lists (merged or dropped elsewhere): read it all again.
 */
export function catchUp(set: SegmentSet, { manifest, fresh }: LiveRead): boolean {
  const live = new Set(manifest.live.map((l) => l.id));
  if (set.segmentIds().some((id) => !live.has(id))) return false;
  const byId = new Map(fresh.map((s) => [s.id, s]));
  const held = new Set(set.segmentIds());
  for (const l of manifest.live) {
    if (held.has(l.id)) continue;
    const segment = byId.get(l.id);
    if (!segment) return false;
  }
  for (const l of manifest.live) if (!held.has(l.id)) set.add(byId.get(l.id)!);
  for (const l of manifest.live) set.removeAt(l.id, l.removed);
  return true;
}
