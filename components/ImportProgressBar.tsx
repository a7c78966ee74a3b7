import { getLanguage, t } from '../i18n/t';
import type { ImportProgress } from './stream-import';

type ImportProgressBarProps = { progress: ImportProgress };

/** "about 2 min" / "environ 40 s": the time left, rounded the way a reader says it. */
function timeLeft(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const [value, unit] = seconds >= 90 ? [minutes, 'minute'] : [Math.max(5, Math.round(seconds / 5) * 5), 'second'];
  return new Intl.NumberFormat(getLanguage(), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}

/** Lines read, dispatches stored, the share of the file, and the time left once the pace is known. */
export function ImportProgressBar({ progress }: ImportProgressBarProps) {
  const percent = new Intl.NumberFormat(getLanguage(), { style: 'percent' }).format(Math.floor(progress.share * 100) / 100);
  const number = (n: number) => new Intl.NumberFormat(getLanguage()).format(n);
  return (
    <label class="rc-progress" data-testid="import-progress" data-phase="reading" data-stored={progress.stored} data-lines={progress.lines}>
      <span>
        {t('optImportReading', { lines: number(progress.lines), dispatches: number(progress.stored), percent })}
        {progress.secondsLeft !== undefined && ` — ${t('optImportEta', { time: timeLeft(progress.secondsLeft) })}`}
      </span>
      <progress max={1} value={progress.share} />
    </label>
  );
}
