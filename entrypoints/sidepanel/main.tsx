import { render } from 'preact';
import { getLanguage } from '../../i18n/t';
import '../../components/theme.css';
import './sidepanel.css';
import { SidePanelApp } from './SidePanelApp';

document.documentElement.lang = getLanguage();
render(<SidePanelApp />, document.getElementById('app')!);
