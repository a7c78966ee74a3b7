import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import './sidepanel.css';
import { SidePanelApp } from './SidePanelApp';

mountView(SidePanelApp, document.getElementById('app')!);
