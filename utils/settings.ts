// Settings as every view and the content script read and write them (see lib/settings/stored.ts
// for the layout: preferences synced, one local key per switched-off site). Reads always yield
// valid settings; a write either lands or says why not, with the settings as actually stored.
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '@/lib/settings/schema';
import {
  hasLegacySites,
  rulesFromEntries,
  SITE_KEY_PREFIX,
  settingsFromStorage,
  siteChanges,
  siteKeysFor,
  syncedPart,
  type WriteError,
  writeErrorOf,
} from '@/lib/settings/stored';

export type SaveResult =
  | { ok: true; settings: Settings }
  | { ok: false; error: WriteError; settings: Settings };

/** Which site rules to read: all of them (the options page), or only those that can cover one host. */
export interface Scope {
  host?: string | null;
}
/** Preferences only, no site rules: for views that need the theme or the language. */
export const PREFS_ONLY: Scope = { host: null };

/** The site rules in scope, and any `also` keys of storage.local, in one read. */
async function readSiteEntries(scope: Scope, also: readonly string[] = []): Promise<Record<string, unknown>> {
  if (scope.host === undefined) {
    const all = await browser.storage.local.get(null);
    return Object.fromEntries(
      Object.entries(all).filter(([k]) => k.startsWith(SITE_KEY_PREFIX) || also.includes(k)),
    );
  }
  const keys = [...(scope.host ? siteKeysFor(scope.host) : []), ...also];
  return keys.length ? browser.storage.local.get(keys) : {};
}

export async function getSettings(scope: Scope = {}): Promise<Settings> {
  return (await getSettingsWith(scope, [])).settings;
}

/**
 * The settings, and the records of other storage.local keys read with the site rules: the
 * content script reads the mention gate that way, so a page costs one local read, not two.
 * A record that can't be read is absent.
 */
export async function getSettingsWith(
  scope: Scope,
  also: readonly string[],
): Promise<{ settings: Settings; local: Record<string, unknown> }> {
  try {
    const [synced, local] = await Promise.all([
      browser.storage.sync.get(SETTINGS_KEY),
      readSiteEntries(scope, also),
    ]);
    return { settings: settingsFromStorage(synced[SETTINGS_KEY], local), local };
  } catch {
    // Storage unavailable: run with defaults rather than not at all.
    return { settings: DEFAULT_SETTINGS, local: {} };
  }
}

/**
 * Applies `change` to the stored settings. Site rules are written first, one key each, then the
 * synced preferences if they changed (or still carry an old site list, which this migrates).
 */
export async function updateSettings(
  change: (current: Settings) => Settings,
  scope: Scope = {},
): Promise<SaveResult> {
  let synced: unknown;
  let current: Settings;
  let storedRules: ReturnType<typeof rulesFromEntries>;
  try {
    synced = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    const entries = await readSiteEntries(scope);
    storedRules = rulesFromEntries(entries);
    current = settingsFromStorage(synced, entries);
  } catch (error) {
    return { ok: false, error: writeErrorOf(error), settings: await getSettings(scope) };
  }
  const next = change(current);
  try {
    // Against the keys as stored: rules an old synced list still holds get their own keys too.
    const { set, remove } = siteChanges(storedRules, next.disabledSites);
    if (Object.keys(set).length) await browser.storage.local.set(set);
    if (remove.length) await browser.storage.local.remove(remove);
    const prefs = syncedPart(next);
    if (hasLegacySites(synced) || JSON.stringify(prefs) !== JSON.stringify(syncedPart(current))) {
      await browser.storage.sync.set({ [SETTINGS_KEY]: prefs });
    }
    return { ok: true, settings: next };
  } catch (error) {
    return { ok: false, error: writeErrorOf(error), settings: await getSettings(scope) };
  }
}

/** Moves an earlier version's synced site list into local keys; nothing is lost if it fails. */
export async function migrateLegacySites(): Promise<void> {
  const synced = (await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (!hasLegacySites(synced)) return;
  await updateSettings((s) => s);
}

/** Calls `cb` with the stored settings whenever the preferences or a site rule change. */
export function watchSettings(cb: (settings: Settings) => void, scope: Scope = {}): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const relevant =
      (area === 'sync' && SETTINGS_KEY in changes) ||
      (area === 'local' && Object.keys(changes).some((k) => k.startsWith(SITE_KEY_PREFIX)));
    if (relevant) void getSettings(scope).then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
