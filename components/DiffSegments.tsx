import type { Segment } from './diff-columns';

type DiffSegmentsProps = {
  segments: Segment[];
  /** The mark for changed words: <ins> on the side that has them, <del> on the side that lost them. */
  Mark: 'ins' | 'del';
};

/** One side of a word diff: unchanged words as text, changed ones marked. */
export function DiffSegments({ segments, Mark }: DiffSegmentsProps) {
  return (
    <>
      {segments.map((s, i) =>
        s.changed ? (
          <Mark key={i} class={Mark === 'ins' ? 'rc-ins' : 'rc-del'}>
            {s.text}
          </Mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
