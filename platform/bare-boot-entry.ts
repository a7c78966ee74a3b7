import type { Plugin } from 'vite';

/** How WXT names the module that wraps an unlisted script (its path follows the `?`). */
const WRAPPER = '\0virtual:wxt-unlisted-script-entrypoint?';

/**
 * The bootstrap every page loads (entrypoints/content-boot.ts) built without WXT's wrapper for
 * unlisted scripts: a production build's wrapper only carries a logger that prints nothing and
 * plugin set-up this extension does not use, yet every page would parse it. The bootstrap's own
 * `main` runs as the script's top level, as the wrapper would run it.
 */
export function bareBootEntry(entry = '/entrypoints/content-boot.ts'): Plugin {
  return {
    name: 'recoupe:bare-boot-entry',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(WRAPPER) || !id.endsWith(entry)) return null;
      return `import definition from ${JSON.stringify(id.slice(WRAPPER.length))};\nexport default definition.main();\n`;
    },
  };
}
