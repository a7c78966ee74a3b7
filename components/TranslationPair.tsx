import type { Passage } from '../engine/types';
import { t } from '../i18n/t';
import { languageName } from './format';

type TranslationPairProps = {
  passage: Pick<Passage, 'page' | 'source'>;
  outlet: string;
  /** Language of the dispatch: the original's, named in its heading and set on its text. */
  lang?: string;
};

/**
 * The page's sentence beside the original it translates. No word diff: the two texts are in two
 * languages, so every word would differ. Columns stack on narrow panels, as the diff's do.
 */
export function TranslationPair({ passage, outlet, lang }: TranslationPairProps) {
  return (
    <div class="rc-diff rc-translation" data-testid="translation-pair">
      <section class="rc-diff__column" data-side="page">
        <h3>{t('uiColumnPage')}</h3>
        <p class="rc-diff__text">{passage.page.text}</p>
      </section>
      <section class="rc-diff__column" data-side="dispatch">
        <h3>{lang ? t('uiColumnOriginalIn', { outlet, language: languageName(lang) }) : t('uiColumnOriginal', { outlet })}</h3>
        <p class="rc-diff__text" lang={lang || undefined}>
          {passage.source.text}
        </p>
      </section>
    </div>
  );
}
