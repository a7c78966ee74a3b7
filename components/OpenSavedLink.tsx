import './saved.css';
import { t } from '../i18n/t';
import { savedViewUrl } from './saved-url';

type OpenSavedLinkProps = { label?: string; testId?: string };

/** A link to the Saved view in a new tab; a real link, so it works from the keyboard and with a middle click. */
export function OpenSavedLink({ label, testId = 'open-saved' }: OpenSavedLinkProps) {
  return (
    <a class="rc-link" href={savedViewUrl()} target="_blank" rel="noopener" data-testid={testId}>
      {label ?? t('openSaved')}
    </a>
  );
}
