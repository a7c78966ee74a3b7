import type { NdjsonError } from '../corpus/ndjson';
import { t } from '../i18n/t';
import { plural } from './format';
import { listedErrors } from './import-errors';

type RejectedLinesProps = { errors: NdjsonError[] };

/** The rejected lines of an import: the first rows, then how many more lines are at fault. */
export function RejectedLines({ errors }: RejectedLinesProps) {
  const { shown, lines, moreLines } = listedErrors(errors);
  return (
    <section class="rc-error" role="alert" data-testid="import-rejected" data-count={lines}>
      <p>
        <strong>{plural(lines, 'optImportRejectedOne', 'optImportRejectedMany')}</strong>
      </p>
      <ul class="rc-rejected">
        {shown.map((e, i) => (
          <li key={i} data-testid="rejected-line" data-line={e.line}>
            {t('optRejectedLine', { line: e.line, message: e.message })}
          </li>
        ))}
      </ul>
      {moreLines > 0 && (
        <p data-testid="rejected-more" data-count={moreLines}>
          {plural(moreLines, 'optImportMoreOne', 'optImportMoreMany')}
        </p>
      )}
    </section>
  );
}
