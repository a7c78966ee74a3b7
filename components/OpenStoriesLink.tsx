import { browser } from 'wxt/browser';
import { t } from '../i18n/t';

type OpenStoriesLinkProps = { label?: string; testId?: string };

/** The Stories page's address inside the extension. */
export function storiesUrl(): string {
  return (browser.runtime as unknown as { getURL(path: string): string }).getURL('/stories.html');
}

/** A link to the Stories page in a new tab; a real link, so it works from the keyboard and with a middle click. */
export function OpenStoriesLink({ label, testId = 'open-stories' }: OpenStoriesLinkProps) {
  return (
    <a class="rc-link" href={storiesUrl()} target="_blank" rel="noopener" data-testid={testId}>
      {label ?? t('storiesOpenLink')}
    </a>
  );
}
