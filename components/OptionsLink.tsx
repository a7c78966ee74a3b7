import { browser } from 'wxt/browser';
import { t } from '../i18n/t';

type OptionsLinkProps = { closeAfter?: boolean };

/** The way to the options page (corpus list, import, settings) from the popup and the side panel. */
export function OptionsLink({ closeAfter = false }: OptionsLinkProps) {
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    void browser.runtime.openOptionsPage().then(() => {
      if (closeAfter) window.close();
    });
  };
  return (
    <a class="rc-link" href={browser.runtime.getURL('/options.html')} data-testid="open-options" onClick={onClick}>
      {t('optOpen')}
    </a>
  );
}
