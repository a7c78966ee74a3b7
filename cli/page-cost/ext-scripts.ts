/** The fields of CDP `Debugger.scriptParsed` this module reads. */
export interface ParsedScript {
  scriptId: string;
  url: string;
  length?: number;
  executionContextId: number;
}

/** The fields of CDP `Runtime.executionContextCreated` this module reads. */
export interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
}

export interface ExtensionScripts {
  bytes: number;
  /** One entry per distinct script (URL, or "<world name> (no URL)" for code evaluated without one). */
  scripts: string[];
}

/**
 * The extension code a page evaluated: scripts with a chrome-extension:// URL, and any script run
 * in a world whose origin is the extension's (content scripts run in such an isolated world).
 */
export function extensionScripts(parsed: readonly ParsedScript[], contexts: readonly ExecutionContext[]): ExtensionScripts {
  const extWorlds = new Map(contexts.filter((c) => c.origin.startsWith('chrome-extension://')).map((c) => [c.id, c.name || c.origin]));
  let bytes = 0;
  const scripts = new Set<string>();
  const seen = new Set<string>();
  for (const s of parsed) {
    const world = extWorlds.get(s.executionContextId);
    if (!s.url.startsWith('chrome-extension://') && world === undefined) continue;
    if (seen.has(s.scriptId)) continue;
    seen.add(s.scriptId);
    bytes += s.length ?? 0;
    scripts.add(s.url || `${world} (no URL)`);
  }
  return { bytes, scripts: [...scripts] };
}
