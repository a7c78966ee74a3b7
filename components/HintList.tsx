import type { Hint } from '../engine/types';
import { t } from '../i18n/t';
import { hintText, hintTypeLabel, type SelfKind } from './hint-text';

type HintListProps = {
  hints: Hint[];
  /** Key prefix of these hints (the passage index), matching the marks in the texts. */
  keyPrefix: string;
  /** The other version's outlet, named in the hints' wording. */
  outlet: string;
  /** What the compared text is, named in the wording. */
  self: SelfKind;
  /** The hint kept marked by a press. */
  pinned: string | null;
  /** Hovering or focusing a hint marks its words while it lasts (null when it ends). */
  onPreview: (key: string | null) => void;
  onPin: (key: string | null) => void;
};

export function hintKey(prefix: string, i: number): string {
  return `${prefix}-${i}`;
}

/**
 * The framing differences of one pair, each a toggle button: hovering or focusing one marks its
 * words in both versions, pressing it keeps them marked. Text comes from the hint's code, translated.
 */
export function HintList({ hints, keyPrefix, outlet, self, pinned, onPreview, onPin }: HintListProps) {
  if (hints.length === 0) return <p class="rc-muted rc-hint" data-testid="hint-none">{t('uiHintsNone')}</p>;
  return (
    <ul class="rc-fhints" data-testid="hint-list" aria-label={t('uiHintsTitle')}>
      {hints.map((hint, i) => {
        const key = hintKey(keyPrefix, i);
        const on = pinned === key;
        return (
          <li key={key}>
            <button
              type="button"
              class="rc-hintbtn"
              data-testid="hint-item"
              data-hint={key}
              data-type={hint.type}
              data-code={hint.code}
              aria-pressed={on}
              onMouseEnter={() => onPreview(key)}
              onMouseLeave={() => onPreview(null)}
              onFocus={() => onPreview(key)}
              onBlur={() => onPreview(null)}
              onClick={() => onPin(on ? null : key)}
            >
              <span class={`rc-hinttype rc-hinttype--${hint.type}`}>{hintTypeLabel(hint.type)}</span> <span>{hintText(hint, outlet, self)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
