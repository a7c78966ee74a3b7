import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { DispatchInfo } from '../messaging/protocol';
import { formatDate } from './format';
import { readerUrl } from './ReaderLink';

type RowActionsProps = { info: DispatchInfo; reading: boolean; onRead(id: string): void; onRemove(info: DispatchInfo): Promise<void> };

/** Read, and for the reader's own dispatches Remove with an inline confirmation (no modal dialog to trap the keyboard). */
function RowActions({ info, reading, onRead, onRemove }: RowActionsProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    setTimeout(() => removeRef.current?.focus(), 0);
  };

  return (
    <div class="rc-row-actions">
      <button
        type="button"
        class="rc-button rc-button--quiet"
        data-testid="read-dispatch"
        data-dispatch={info.id}
        aria-label={t('optReadLabel', { title: info.title })}
        aria-expanded={reading}
        aria-controls="rc-dispatch-reader"
        onClick={() => onRead(info.id)}
      >
        {t('optRead')}
      </button>
      <a class="rc-button rc-button--quiet" href={readerUrl(info.id)} target="_blank" rel="noopener" data-testid="open-reader" data-dispatch={info.id} aria-label={t('optOpenReaderLabel', { title: info.title })}>
        {t('optOpenReader')}
      </a>
      {info.source !== 'bundled' && !confirming && (
        <button
          ref={removeRef}
          type="button"
          class="rc-button rc-button--quiet rc-button--danger"
          data-testid="remove-dispatch"
          data-dispatch={info.id}
          aria-label={t('optRemoveLabel', { title: info.title })}
          onClick={() => setConfirming(true)}
        >
          {t('optRemove')}
        </button>
      )}
      {confirming && (
        <div class="rc-confirm" role="group" aria-label={t('optRemoveLabel', { title: info.title })} aria-busy={busy}>
          <p>{t('optRemoveConfirm', { title: info.title })}</p>
          <button
            ref={confirmRef}
            type="button"
            class="rc-button rc-button--danger-solid"
            data-testid="confirm-remove"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onRemove(info).finally(() => setBusy(false));
            }}
          >
            {busy ? t('optWorking') : t('optConfirmRemove')}
          </button>{' '}
          <button type="button" class="rc-button rc-button--quiet" data-testid="cancel-remove" disabled={busy} onClick={cancel}>
            {t('optCancel')}
          </button>
        </div>
      )}
    </div>
  );
}

type CorpusTableProps = {
  list: DispatchInfo[];
  reading: string | null;
  onRead(id: string): void;
  onRemove(info: DispatchInfo): Promise<void>;
};

/** One row per dispatch: what it is, where it comes from, how long it is, and what can be done with it. */
export function CorpusTable({ list, reading, onRead, onRemove }: CorpusTableProps) {
  return (
    <div class="rc-table-wrap" tabIndex={0} role="region" aria-label={t('optCorpusTable')}>
      <table class="rc-table" data-testid="corpus-table">
        <caption class="rc-visually-hidden">{t('optCorpusTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('optColTitle')}</th>
            <th scope="col">{t('optColOutlet')}</th>
            <th scope="col">{t('optColOrigin')}</th>
            <th scope="col">{t('optColDate')}</th>
            <th scope="col">{t('optColLanguage')}</th>
            <th scope="col">{t('optColWords')}</th>
            <th scope="col">{t('optColSource')}</th>
            <th scope="col">{t('optColActions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((info) => (
            <tr key={info.id} data-testid="corpus-row" data-dispatch={info.id} data-source={info.source} aria-current={reading === info.id ? 'true' : undefined}>
              <th scope="row" class="rc-table__title">
                {info.title}
              </th>
              <td>{info.outlet}</td>
              <td>{info.origin}</td>
              <td>
                <time dateTime={info.date}>{formatDate(info.date)}</time>
              </td>
              <td>{info.language}</td>
              <td class="rc-num">{t('optWords', { count: new Intl.NumberFormat(document.documentElement.lang || undefined).format(info.words) })}</td>
              <td>{info.source === 'bundled' ? t('optSourceBundled') : t('optSourceImported')}</td>
              <td>
                <RowActions info={info} reading={reading === info.id} onRead={onRead} onRemove={onRemove} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
