import type { Plugin } from 'vite';

/** How WXT names the module that wraps an unlisted script (its path follows the `?`). */
const WRAPPER = '\0virtual:wxt-unlisted-script-entrypoint?';

/**
 * V8's explicit compile hint (Chromium 136 on; other engines read a comment): every function of
 * the script is compiled with its top level. Left lazy, each function the run calls was pre-parsed
 * there and parsed again at its first call, in a script world that is new on every page; the
 * bootstrap calls nearly all of its functions on a page with an article.
 */
export const COMPILE_ALL = '//# allFunctionsCalledOnLoad\n';

/**
 * The bootstrap every page loads (entrypoints/content-boot.ts) built without WXT's wrapper for
 * unlisted scripts: a production build's wrapper only carries a logger that prints nothing and
 * plugin set-up this extension does not use, yet every page would parse it. The bootstrap's own
 * `main` runs as the script's top level, as the wrapper would run it, and its built file starts
 * with COMPILE_ALL.
 */
export function bareBootEntry(entry = '/entrypoints/content-boot.ts'): Plugin {
  return {
    name: 'recoupe:bare-boot-entry',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(WRAPPER) || !id.endsWith(entry)) return null;
      return `import definition from ${JSON.stringify(id.slice(WRAPPER.length))};\nexport default definition.main();\n`;
    },
    // After minifying, which drops comments, and after WXT's own rewrites of the script's first line.
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && file.facadeModuleId?.startsWith(WRAPPER) && file.facadeModuleId.endsWith(entry)) file.code = COMPILE_ALL + file.code;
        }
      },
    },
  };
}
