/** The part of web-ext's programmatic API the Firefox lint uses (the package ships no types). */
declare module 'web-ext' {
  interface LintOptions {
    sourceDir: string;
    selfHosted?: boolean;
    output?: 'json' | 'text' | 'none';
    boring?: boolean;
    metadata?: boolean;
    pretty?: boolean;
    privileged?: boolean;
    verbose?: boolean;
    warningsAsErrors?: boolean;
  }
  const webExt: {
    cmd: { lint(options: LintOptions, deps?: { shouldExitProgram?: boolean }): Promise<unknown> };
  };
  export default webExt;
}
