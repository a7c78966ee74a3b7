import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import '../../components/saved.css';
import './stories.css';
import { StoriesApp } from './StoriesApp';

mountView(StoriesApp, document.getElementById('app')!, 'storiesTitle');
