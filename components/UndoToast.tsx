import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/t';

type UndoToastProps = {
  message: string;
  onUndo: () => void;
  onTimeout: () => void;
  /** How long the undo stays offered. */
  ms?: number;
};

/** A short-lived notice with an Undo button; the timer pauses while the reader hovers or focuses it. */
export function UndoToast({ message, onUndo, onTimeout, ms = 8000 }: UndoToastProps) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const button = useRef<HTMLButtonElement>(null);
  const start = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(onTimeout, ms);
  };
  const pause = () => clearTimeout(timer.current);
  useEffect(() => {
    start();
    return pause;
  }, [message]);
  useEffect(() => {
    // The deleted item had the focus; keyboard readers land on the way back rather than at the top.
    if (!document.activeElement || document.activeElement === document.body) button.current?.focus();
  }, [message]);
  return (
    <div class="rc-toast" role="status" data-testid="undo-toast" onMouseEnter={pause} onMouseLeave={start} onFocusIn={pause} onFocusOut={start}>
      <span>{message}</span>
      <button ref={button} type="button" class="rc-button" data-testid="undo-delete" onClick={onUndo}>
        {t('savedUndo')}
      </button>
    </div>
  );
}
