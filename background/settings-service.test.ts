import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../settings/settings';
import { SettingsService } from './settings-service';

function setup(stored: Settings = defaultSettings(), failWrite = false) {
  let saved = stored;
  const announced: Settings[] = [];
  const service = new SettingsService(
    {
      read: async () => saved,
      write: async (s) => {
        if (failWrite) throw new DOMException('disk full', 'QuotaExceededError');
        saved = s;
      },
    },
    (s) => void announced.push(s),
  );
  return { service, announced, stored: () => saved };
}

describe('SettingsService', () => {
  it('applies quick successive changes in order, each from the previous one, and announces each', async () => {
    const { service, announced, stored } = setup();
    await Promise.all([
      service.update({ site: { host: 'a.example', paused: true } }),
      service.update({ site: { host: 'b.example', paused: true } }),
      service.update({ sensitivity: 'strict' }),
    ]);
    expect(stored().pausedSites).toEqual(['a.example', 'b.example']);
    expect(stored().sensitivity).toBe('strict');
    expect(announced.map((s) => s.pausedSites.length)).toEqual([1, 2, 2]);
    expect(await service.get()).toEqual(stored());
  });

  it('a refused write changes nothing, announces nothing and says why', async () => {
    const { service, announced } = setup(defaultSettings(), true);
    await expect(service.update({ pausedEverywhere: true })).rejects.toThrow('The settings were not saved');
    expect((await service.get()).pausedEverywhere).toBe(false);
    expect(announced).toEqual([]);
    // The queue goes on after a failure.
    await expect(service.update({ language: 'xx' as never })).rejects.toThrow('unknown language');
  });
});
