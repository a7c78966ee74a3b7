import { useState } from 'preact/hooks';
import { CorpusSection } from '../../components/CorpusSection';
import { ImportForm } from '../../components/ImportForm';
import { MemorySection } from '../../components/MemorySection';
import { RestoreBundled } from '../../components/RestoreBundled';
import { SettingsForm } from '../../components/SettingsForm';
import { t } from '../../i18n/t';

/** The options page: the corpus (list, reading, import, removal, restore) and the reader's settings. */
export function OptionsApp() {
  // Bumped after every change to the corpus, so the list reads it again.
  const [corpusVersion, setCorpusVersion] = useState(0);
  const changed = () => setCorpusVersion((v) => v + 1);
  return (
    <main class="rc-options">
      <header class="rc-options__head">
        <h1>{t('optTitle')}</h1>
      </header>
      <CorpusSection version={corpusVersion} onChanged={changed} />
      <ImportForm onImported={changed} />
      <RestoreBundled onRestored={changed} />
      <MemorySection onChanged={changed} />
      <SettingsForm />
    </main>
  );
}
