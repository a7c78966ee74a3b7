import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import '../../components/facts.css';
import '../sidepanel/sidepanel.css';
import './reader.css';
import { ReaderApp } from './ReaderApp';

mountView(ReaderApp, document.getElementById('app')!, 'readerTitle');
