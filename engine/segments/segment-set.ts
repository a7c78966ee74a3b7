import { buildIndexSteps } from '../corpus-index';
import { packTextSteps, type PackedText } from './packed-text';
import { buildFactsIndexSteps, type FactsDoc, type FactsIndex } from '../facts/facts-index';
import { runSteps, type Steps } from './steps';
import { FactsView } from './facts-view';
import { TextView, compareIds } from './text-view';
import { DEFAULT_MERGE_POLICY, planMerge, type MergePolicy } from './tiered-merge';

/** An immutable index of a set of dispatches: the text and facts indexes of the same dispatches, same order. */
export interface Segment {
  id: string;
  /** Packed: what is stored is what is held (see PackedText). */
  text: PackedText;
  facts: FactsIndex;
}

/** Builds a segment; its dispatches are put in id order, as a rebuild orders them. */
export function buildSegment(id: string, docs: readonly FactsDoc[]): Segment {
  return runSteps(buildSegmentSteps(id, docs));
}

/** buildSegment in bounded steps (see Steps): a merge that analyses the texts again builds so. */
export function* buildSegmentSteps(id: string, docs: readonly FactsDoc[]): Steps<Segment> {
  const sorted = [...docs].sort((a, b) => compareIds(a.id, b.id));
  const text = yield* packTextSteps(yield* buildIndexSteps(sorted));
  return { id, text, facts: yield* buildFactsIndexSteps(sorted, { keepAllPostings: true }) };
}

/** A segment and which of its dispatches are removed (positions in its ids), as stored in a manifest. */
export interface LiveSegment {
  segment: Segment;
  removed: number[];
}

/**
 * The segments of a corpus: additions make a new small segment, removals are tombstones (a
 * per-segment set of removed dispatches) until a merge rewrites the segment without them. Views
 * taken for matching are snapshots: a change made later does not alter a match running on them.
 */
export class SegmentSet {
  private readonly segments: Segment[] = [];
  private readonly dead = new Map<string, Uint8Array>();
  /**
   * Where the live copy of each dispatch is: its segment's slot * SLOT_SPAN + its position there,
   * one number per dispatch rather than one object (a corpus holds hundreds of thousands).
   */
  private readonly where = new Map<string, number>();
  /** Segment id of each slot (null: free), and the slot of each held segment. */
  private readonly slots: (string | null)[] = [];
  private readonly slotOf = new Map<string, number>();
  private views: { text: TextView; facts: FactsView } | null = null;
  /** The facts view before the last change, until the next is made: it may hand its norms on (see FactsView). */
  private before: FactsView | null = null;

  constructor(
    live: readonly LiveSegment[] = [],
    readonly policy: MergePolicy = DEFAULT_MERGE_POLICY,
  ) {
    for (const { segment, removed } of live) {
      this.put(segment);
      for (const at of removed) this.kill(segment.id, at);
    }
  }

  get size(): number {
    return this.where.size;
  }

  /** Ids of the live dispatches, in the order one index of them lists them. */
  ids(): string[] {
    return [...this.where.keys()].sort(compareIds);
  }

  /** The held segments' ids, oldest first. */
  segmentIds(): string[] {
    return this.segments.map((s) => s.id);
  }

  /** Tombstones dispatches by position in a segment (as a stored manifest lists them); unknown ones are skipped. */
  removeAt(segId: string, positions: readonly number[]): void {
    for (const at of positions) this.kill(segId, at);
  }

  has(id: string): boolean {
    return this.where.has(id);
  }

  list(): LiveSegment[] {
    return this.segments.map((segment) => ({ segment, removed: removedOf(this.dead.get(segment.id)!) }));
  }

  /**
   * Adds a segment of new dispatches; an earlier copy of one of them (an update) becomes a
   * tombstone. Returns the segments that gained tombstones.
   */
  add(segment: Segment): string[] {
    const touched = new Set<string>();
    for (const id of segment.text.ids) {
      const old = this.located(id);
      if (old) {
        this.kill(old.seg, old.at);
        touched.add(old.seg);
      }
    }
    this.put(segment);
    return [...touched];
  }

  /** Tombstones these dispatches (unknown ids are skipped); returns the segments that changed. */
  remove(ids: readonly string[]): string[] {
    const touched = new Set<string>();
    for (const id of ids) {
      const at = this.located(id);
      if (!at) continue;
      this.kill(at.seg, at.at);
      touched.add(at.seg);
    }
    return [...touched];
  }

  /** The next merge the policy asks for, or null. */
  plan(): string[] | null {
    return planMerge(this.segments.map((s) => ({ id: s.id, docs: s.text.ids.length, removed: countDead(this.dead.get(s.id)!) })), this.policy);
  }

  /** Ids of the live dispatches of these segments, which a merge of them indexes. */
  liveIds(segIds: readonly string[]): string[] {
    const out: string[] = [];
    for (const segId of segIds) {
      const seg = this.segments.find((s) => s.id === segId);
      if (!seg) continue;
      const dead = this.dead.get(segId)!;
      seg.text.ids.forEach((id, at) => {
        if (!dead[at]) out.push(id);
      });
    }
    return out;
  }

  /**
   * Replaces merged segments by the segment built from their live dispatches. A dispatch removed
   * or replaced while the merge was built is a tombstone in the new segment. Returns false, changing
   * nothing, when one of the merged segments is gone (another merge took it).
   */
  replace(merged: readonly string[], segment: Segment): boolean {
    if (!merged.every((id) => this.dead.has(id))) return false;
    const gone = new Set(merged);
    const live = segment.text.ids.map((id) => {
      const at = this.located(id);
      return at !== null && gone.has(at.seg);
    });
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const id = this.segments[i].id;
      if (gone.has(id)) {
        this.dead.delete(id);
        this.slots[this.slotOf.get(id)!] = null;
        this.slotOf.delete(id);
        this.segments.splice(i, 1);
      }
    }
    // Every dispatch of a worn-out segment was removed: it goes without a successor.
    if (segment.text.ids.length === 0) return true;
    this.put(segment);
    live.forEach((ok, at) => {
      if (!ok) this.kill(segment.id, at);
    });
    return true;
  }

  textView(): TextView {
    return this.snapshot().text;
  }

  factsView(): FactsView {
    return this.snapshot().facts;
  }

  private snapshot(): { text: TextView; facts: FactsView } {
    if (!this.views) {
      const dead = this.segments.map((s) => {
        const d = this.dead.get(s.id)!;
        return countDead(d) > 0 ? d.slice() : null;
      });
      this.views = {
        text: new TextView(this.segments.map((s, g) => ({ index: s.text, dead: dead[g] }))),
        facts: new FactsView(this.segments.map((s, g) => ({ index: s.facts, dead: dead[g] })), this.before),
      };
      this.before = null;
    }
    return this.views;
  }

  private changed(): void {
    if (this.views) this.before = this.views.facts;
    this.views = null;
  }

  private put(segment: Segment): void {
    if (this.dead.has(segment.id)) throw new Error(`SegmentSet: segment "${segment.id}" is already there`);
    if (segment.facts.ids.length !== segment.text.ids.length || segment.facts.ids.some((id, i) => id !== segment.text.ids[i])) {
      throw new Error(`SegmentSet: the text and facts indexes of segment "${segment.id}" cover other dispatches`);
    }
    this.segments.push(segment);
    this.dead.set(segment.id, new Uint8Array(segment.text.ids.length));
    let slot = this.slots.indexOf(null);
    if (slot < 0) slot = this.slots.push(null) - 1;
    this.slots[slot] = segment.id;
    this.slotOf.set(segment.id, slot);
    const first = slot * SLOT_SPAN;
    segment.text.ids.forEach((id, at) => this.where.set(id, first + at));
    this.changed();
  }

  /** The segment and position of a dispatch's live copy, or null. */
  private located(id: string): { seg: string; at: number } | null {
    const w = this.where.get(id);
    if (w === undefined) return null;
    const slot = Math.floor(w / SLOT_SPAN);
    return { seg: this.slots[slot]!, at: w - slot * SLOT_SPAN };
  }

  private kill(segId: string, at: number): void {
    const dead = this.dead.get(segId);
    if (!dead) return;
    const segment = this.segments.find((s) => s.id === segId)!;
    const id = segment.text.ids[at];
    dead[at] = 1;
    if (this.where.get(id) === this.slotOf.get(segId)! * SLOT_SPAN + at) this.where.delete(id);
    this.changed();
  }
}

/** Positions per segment slot in SegmentSet.where: more dispatches than a segment ever holds. */
const SLOT_SPAN = 2 ** 24;

function countDead(d: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < d.length; i++) n += d[i];
  return n;
}

function removedOf(d: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) if (d[i]) out.push(i);
  return out;
}
