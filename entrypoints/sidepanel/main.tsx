import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import '../../components/facts.css';
import './sidepanel.css';
import { SidePanelApp } from './SidePanelApp';

mountView(SidePanelApp, document.getElementById('app')!);
