import { describe, expect, it } from 'vitest';
import { bareBootEntry } from './bare-boot-entry';

const load = (id: string) => {
  const hook = bareBootEntry().load as (id: string) => string | null;
  return hook(id);
};

describe('bareBootEntry', () => {
  it('runs the bootstrap\'s main as the top level of its script, with no wrapper around it', () => {
    const code = load('\0virtual:wxt-unlisted-script-entrypoint?/home/x/recoupe/entrypoints/content-boot.ts');
    expect(code).toBe('import definition from "/home/x/recoupe/entrypoints/content-boot.ts";\nexport default definition.main();\n');
  });

  it('leaves the other scripts, and other modules, to WXT', () => {
    expect(load('\0virtual:wxt-unlisted-script-entrypoint?/home/x/recoupe/entrypoints/content-ui.ts')).toBeNull();
    expect(load('\0virtual:wxt-background-entrypoint?/home/x/recoupe/entrypoints/background.ts')).toBeNull();
    expect(load('/home/x/recoupe/entrypoints/content-boot.ts')).toBeNull();
  });
});
