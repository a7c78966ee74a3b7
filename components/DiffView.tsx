import type { Passage } from '../engine/types';
import type { MessageKey } from '../i18n/messages';
import { t } from '../i18n/t';
import { diffColumns } from './diff-columns';
import { DiffSegments } from './DiffSegments';

type DiffViewProps = {
  passage: Pick<Passage, 'diff' | 'page' | 'source'>;
  outlet: string;
  /** Language of the dispatch text, so screen readers pronounce it right. */
  lang?: string;
  /** Heading of the compared text's column: a page, or a dispatch in the reading view. */
  selfLabel?: MessageKey;
};

/**
 * The page's passage beside the dispatch's, from one word diff: words only on the page are <ins>
 * on the left, words only in the dispatch are <del> on the right. Columns stack on narrow panels.
 */
export function DiffView({ passage, outlet, lang, selfLabel = 'uiColumnPage' }: DiffViewProps) {
  const columns = diffColumns(passage);
  return (
    <div class="rc-diff" data-testid="diff-view">
      <section class="rc-diff__column" data-side="page">
        <h3>{t(selfLabel)}</h3>
        <p class="rc-diff__text">
          <DiffSegments segments={columns.page} Mark="ins" />
        </p>
      </section>
      <section class="rc-diff__column" data-side="dispatch">
        <h3>{t('uiColumnDispatch', { outlet })}</h3>
        <p class="rc-diff__text" lang={lang}>
          <DiffSegments segments={columns.source} Mark="del" />
        </p>
      </section>
    </div>
  );
}
