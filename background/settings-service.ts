import { applyChange, type Settings, type SettingsChange } from '../settings/settings';

export interface SettingsStore {
  read(): Promise<Settings>;
  write(settings: Settings): Promise<void>;
}

/**
 * The reader's settings for the worker's lifetime: read once, changed one request at a time (two
 * quick toggles must not both start from the same old value), and announced after every change
 * (the request answered once the announcement is done).
 */
export class SettingsService {
  private current: Promise<Settings> | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: SettingsStore,
    private readonly announce: (settings: Settings, before: Settings) => void | Promise<void>,
  ) {}

  get(): Promise<Settings> {
    if (!this.current) {
      const next = this.store.read();
      this.current = next;
      next.catch(() => {
        if (this.current === next) this.current = null;
      });
    }
    return this.current;
  }

  update(change: SettingsChange): Promise<Settings> {
    const run = this.queue.then(async () => {
      const before = await this.get();
      const next = applyChange(before, change);
      try {
        await this.store.write(next);
      } catch (e) {
        const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        throw new Error(`The settings were not saved: the database refused the write (${detail}).`);
      }
      this.current = Promise.resolve(next);
      // The change is answered once it applies: a page loaded after that respects it.
      await this.announce(next, before);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
