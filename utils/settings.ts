// The settings item in sync storage, shared by every view. Reads always yield valid settings.
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '@/lib/settings/schema';

export const settingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await getSettings());
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => cb(parseSettings(value)));
}
