import { render } from 'preact';
import { getLanguage } from '../../i18n/t';
import '../../components/theme.css';
import './popup.css';
import { PopupApp } from './PopupApp';

document.documentElement.lang = getLanguage();
render(<PopupApp />, document.getElementById('app')!);
