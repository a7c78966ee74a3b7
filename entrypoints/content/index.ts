import { defineContentScript } from 'wxt/utils/define-content-script';
import { analysePage } from './analyse-page';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  main() {
    // A second injection into the same document (extension reload) must not highlight twice.
    if (document.documentElement.hasAttribute('data-recoupe-state')) return;
    void analysePage();
  },
});
