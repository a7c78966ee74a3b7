import { useEffect, useState } from 'preact/hooks';
import { send } from '../messaging/client';
import { onSettingsChanged } from '../messaging/tab-messages';
import type { Settings, SettingsChange } from '../settings/settings';

/** The reader's settings, kept current when any view or tab changes them; null until read. */
export function useSettings(): { settings: Settings | null; error: string | null; update(change: SettingsChange): Promise<Settings> } {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('get-settings', {}).then(
      (s) => live && setSettings(s),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    const off = onSettingsChanged((s) => live && setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, []);

  const update = async (change: SettingsChange) => {
    const next = await send('set-settings', change);
    setSettings(next);
    return next;
  };
  return { settings, error, update };
}
