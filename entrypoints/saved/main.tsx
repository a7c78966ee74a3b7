import { render } from 'preact';
import { getLanguage, t } from '../../i18n/t';
import '../../components/theme.css';
import '../../components/saved.css';
import { SavedApp } from './SavedApp';

document.documentElement.lang = getLanguage();
document.title = `${t('savedTitle')} — Recoupe`;
render(<SavedApp />, document.getElementById('app')!);
