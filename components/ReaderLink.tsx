import { t } from '../i18n/t';

type ReaderLinkProps = { id: string; outlet: string };

/** The reading view of a corpus dispatch, an extension page opened in a new tab. */
export function readerUrl(id: string): string {
  return `/reader.html?id=${encodeURIComponent(id)}`;
}

export function ReaderLink({ id, outlet }: ReaderLinkProps) {
  return (
    <a class="rc-reader-link" href={readerUrl(id)} target="_blank" rel="noopener" data-testid="open-reader" data-dispatch={id} aria-label={t('uiOpenReaderLabel', { outlet })}>
      {t('uiOpenReader')}
    </a>
  );
}
