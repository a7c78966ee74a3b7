import { mountView } from '../../components/mount-view';
import '../../components/theme.css';
import './options.css';
import { OptionsApp } from './OptionsApp';

mountView(OptionsApp, document.getElementById('app')!, 'optTitle');
