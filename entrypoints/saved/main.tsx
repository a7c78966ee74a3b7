import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import '../../components/saved.css';
import { SavedApp } from './SavedApp';

mountView(SavedApp, document.getElementById('app')!, 'savedTitle');
