import { describe, expect, it } from 'vitest';
import { COMPILE_ALL, bareBootEntry } from './bare-boot-entry';

const load = (id: string) => {
  const hook = bareBootEntry().load as (id: string) => string | null;
  return hook(id);
};

describe('bareBootEntry', () => {
  it('runs the bootstrap\'s main as the top level of its script, with no wrapper around it', () => {
    const code = load('\0virtual:wxt-unlisted-script-entrypoint?/home/x/recoupe/entrypoints/content-boot.ts');
    expect(code).toBe('import definition from "/home/x/recoupe/entrypoints/content-boot.ts";\nexport default definition.main();\n');
  });

  it('starts the built bootstrap, and no other script, with the hint to compile every function at once', () => {
    const hook = bareBootEntry().generateBundle as unknown as { order: string; handler(options: unknown, bundle: Record<string, unknown>): void };
    const chunk = (id: string) => ({ type: 'chunk', facadeModuleId: id, code: '(function(){})();' });
    const bundle = {
      boot: chunk('\0virtual:wxt-unlisted-script-entrypoint?/x/entrypoints/content-boot.ts'),
      ui: chunk('\0virtual:wxt-unlisted-script-entrypoint?/x/entrypoints/content-ui.ts'),
    };
    hook.handler({}, bundle);
    // After WXT's hooks, which rewrite the script's first line.
    expect(hook.order).toBe('post');
    expect(bundle.boot.code).toBe(`${COMPILE_ALL}(function(){})();`);
    expect(COMPILE_ALL).toBe('//# allFunctionsCalledOnLoad\n');
    expect(bundle.ui.code).toBe('(function(){})();');
  });

  it('leaves the other scripts, and other modules, to WXT', () => {
    expect(load('\0virtual:wxt-unlisted-script-entrypoint?/home/x/recoupe/entrypoints/content-ui.ts')).toBeNull();
    expect(load('\0virtual:wxt-background-entrypoint?/home/x/recoupe/entrypoints/background.ts')).toBeNull();
    expect(load('/home/x/recoupe/entrypoints/content-boot.ts')).toBeNull();
  });
});
