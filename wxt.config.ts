import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { checkCorpusFiles } from './corpus/check-files';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // No dev browser: the machines this builds on often have none, and `npm start` launches its own.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // A malformed corpus record must stop the build, naming the record and the field.
    'build:before': (wxt) => {
      const errors = checkCorpusFiles(`${wxt.config.root}/corpus`);
      if (errors.length > 0) throw new Error(`Invalid corpus:\n  ${errors.join('\n  ')}`);
    },
  },
  manifest: ({ browser }) => ({
    name: 'Recoupe',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting + http(s) hosts: the background injects the content script's drawing half into pages that have something to show.
    permissions: ['storage', 'tabs', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Recoupe' },
    browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'recoupe@recoupe.invalid' } } : undefined,
  }),
});
