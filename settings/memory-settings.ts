/**
 * The reader's choices about reading memory, part of the settings. Off until the reader says yes:
 * 'unset' means the question was never answered, and remembers nothing, like 'off'.
 */
export const MEMORY_CHOICES = ['unset', 'on', 'off'] as const;
export type MemoryChoice = (typeof MEMORY_CHOICES)[number];

export interface MemorySettings {
  memory: MemoryChoice;
  /** Sites (host names without "www.") whose pages are never remembered. */
  memoryExcluded: string[];
  /** Articles read longer ago than this many months are forgotten. */
  memoryMonths: number;
  /** At most this many articles are kept; the oldest go first. */
  memoryMax: number;
}

export const MEMORY_LIMITS = { months: { min: 1, max: 120 }, max: { min: 100, max: 500_000 } } as const;

export const DEFAULT_MEMORY: Readonly<MemorySettings> = Object.freeze({ memory: 'unset', memoryExcluded: [], memoryMonths: 12, memoryMax: 50_000 });

/** A change of the memory settings: whole fields, or one site excluded or let back in. */
export type MemoryChange = Partial<Omit<MemorySettings, 'memoryExcluded'>> & { memorySite?: { host: string; excluded: boolean } };

function inRange(value: unknown, range: { min: number; max: number }): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** The memory settings from a stored record; a missing or malformed field takes its default. */
export function normalizeMemory(v: Record<string, unknown>, siteKey: (host: string) => string, isHost: (s: string) => boolean): MemorySettings {
  const out: MemorySettings = { ...DEFAULT_MEMORY, memoryExcluded: [] };
  if (typeof v.memory === 'string' && (MEMORY_CHOICES as readonly string[]).includes(v.memory)) out.memory = v.memory as MemoryChoice;
  if (Array.isArray(v.memoryExcluded)) {
    out.memoryExcluded = [...new Set(v.memoryExcluded.filter((s): s is string => typeof s === 'string').map(siteKey).filter(isHost))].sort();
  }
  if (inRange(v.memoryMonths, MEMORY_LIMITS.months)) out.memoryMonths = v.memoryMonths;
  if (inRange(v.memoryMax, MEMORY_LIMITS.max)) out.memoryMax = v.memoryMax;
  return out;
}

/** Applies a change to the memory settings; throws on a value no view would send. */
export function applyMemoryChange(next: MemorySettings, change: MemoryChange, siteKey: (host: string) => string, isHost: (s: string) => boolean): void {
  if (change.memory !== undefined) {
    if (!(MEMORY_CHOICES as readonly string[]).includes(change.memory)) throw new Error(`unknown memory choice "${String(change.memory)}"`);
    next.memory = change.memory;
  }
  if (change.memoryMonths !== undefined) {
    if (!inRange(change.memoryMonths, MEMORY_LIMITS.months)) throw new Error('memoryMonths must be a whole number of months from 1 to 120');
    next.memoryMonths = change.memoryMonths;
  }
  if (change.memoryMax !== undefined) {
    if (!inRange(change.memoryMax, MEMORY_LIMITS.max)) throw new Error('memoryMax must be a whole number from 100 to 500,000');
    next.memoryMax = change.memoryMax;
  }
  if (change.memorySite !== undefined) {
    const host = siteKey(String(change.memorySite.host ?? ''));
    if (!isHost(host)) throw new Error(`"${String(change.memorySite.host)}" is not a site name`);
    const others = next.memoryExcluded.filter((s) => s !== host);
    next.memoryExcluded = change.memorySite.excluded ? [...others, host].sort() : others;
  }
}

/** True when a page of this site may be remembered under these settings. */
export function mayRemember(settings: MemorySettings, site: string | null): boolean {
  return settings.memory === 'on' && site !== null && !settings.memoryExcluded.includes(site);
}
