import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { checkCorpusFiles } from './corpus/check-files';
import { bareBootEntry } from './platform/bare-boot-entry';
import { manifestFor } from './platform/manifest';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // No dev browser: the machines this builds on often have none, and `npm start` launches its own.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact(), bareBootEntry()] }),
  hooks: {
    // A malformed corpus record must stop the build, naming the record and the field.
    'build:before': (wxt) => {
      const errors = checkCorpusFiles(`${wxt.config.root}/corpus`);
      if (errors.length > 0) throw new Error(`Invalid corpus:\n  ${errors.join('\n  ')}`);
    },
  },
  manifest: ({ browser, manifestVersion }) => manifestFor(browser, manifestVersion),
});
