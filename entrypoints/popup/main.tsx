import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import './popup.css';
import { PopupApp } from './PopupApp';

mountView(PopupApp, document.getElementById('app')!);
