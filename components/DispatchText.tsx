import { useEffect, useRef } from 'preact/hooks';
import type { Dispatch, Span } from '../engine/types';
import { dispatchText } from '../engine/dispatch-text';
import { sliceAround } from './diff-columns';

type DispatchTextProps = { dispatch: Dispatch; source: Pick<Span, 'start' | 'end'> };

/** The dispatch's whole text with the passage marked and scrolled into view. */
export function DispatchText({ dispatch, source }: DispatchTextProps) {
  const markRef = useRef<HTMLElement>(null);
  const [before, passage, after] = sliceAround(dispatchText(dispatch), source.start, source.end);

  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [dispatch.id, source.start, source.end]);

  return (
    <div class="rc-fulltext" lang={dispatch.language || undefined} data-testid="dispatch-text" tabIndex={0}>
      {before}
      <mark ref={markRef} class="rc-mark">
        {passage}
      </mark>
      {after}
    </div>
  );
}
