// How settings are stored, so that they scale: the reader's preferences are one small item in
// sync storage (8,192 bytes per item there), and each switched-off site is its own key in local
// storage ("site:news.example.com" → { sub: true }). A toggle then writes one key whatever the
// number of sites, and a page reads only the keys of its own host and its parent domains.
// Earlier versions kept the site list inside the synced settings item; it is read and migrated.

import { parseSettings, type Settings, type SiteRule } from './schema';
import { normalizeHost } from './site-rules';

export const SITE_KEY_PREFIX = 'site:';

export const siteKey = (host: string) => `${SITE_KEY_PREFIX}${normalizeHost(host)}`;

/** The keys a rule for this host could be stored under: the host and each parent domain. */
export function siteKeysFor(host: string): string[] {
  const parts = normalizeHost(host).split('.').filter(Boolean);
  const keys: string[] = [];
  for (let i = 0; i < parts.length; i++) keys.push(SITE_KEY_PREFIX + parts.slice(i).join('.'));
  return keys;
}

/** Site rules from local-storage entries (any other keys are ignored; bad values too). */
export function rulesFromEntries(entries: Record<string, unknown>): SiteRule[] {
  const rules: SiteRule[] = [];
  for (const [key, value] of Object.entries(entries)) {
    // Some storage implementations answer a missing key with undefined rather than leaving it out.
    if (!key.startsWith(SITE_KEY_PREFIX) || value === undefined || value === null) continue;
    const host = key.slice(SITE_KEY_PREFIX.length);
    if (!host || host.length > 253) continue;
    const sub = value !== null && typeof value === 'object' && (value as { sub?: unknown }).sub === true;
    rules.push({ host, includeSubdomains: sub });
  }
  return rules.sort((a, b) => a.host.localeCompare(b.host));
}

/** The preferences as the sync item holds them: everything but the site list. */
export function syncedPart(settings: Settings): Omit<Settings, 'disabledSites'> {
  const { disabledSites: _, ...rest } = settings;
  return rest;
}

/**
 * Settings from what storage holds: the synced preferences, the local site keys, and any site
 * list an earlier version left inside the synced item (merged, so nothing is lost before the
 * migration has run).
 */
export function settingsFromStorage(synced: unknown, siteEntries: Record<string, unknown>): Settings {
  const parsed = parseSettings(synced);
  const rules = rulesFromEntries(siteEntries);
  const seen = new Set(rules.map((r) => r.host));
  for (const legacy of parsed.disabledSites) {
    const host = normalizeHost(legacy.host);
    if (!seen.has(host)) {
      seen.add(host);
      rules.push({ host, includeSubdomains: legacy.includeSubdomains });
    }
  }
  return { ...parsed, disabledSites: rules };
}

/** What to write to turn `before` into `after`: site keys to set and to remove. */
export function siteChanges(before: readonly SiteRule[], after: readonly SiteRule[]) {
  const old = new Map(before.map((r) => [normalizeHost(r.host), r.includeSubdomains]));
  const next = new Map(after.map((r) => [normalizeHost(r.host), r.includeSubdomains]));
  const set: Record<string, { sub: boolean }> = {};
  const remove: string[] = [];
  for (const [host, sub] of next) if (old.get(host) !== sub) set[siteKey(host)] = { sub };
  for (const host of old.keys()) if (!next.has(host)) remove.push(siteKey(host));
  return { set, remove };
}

/** Whether a synced item still carries an earlier version's site list. */
export function hasLegacySites(synced: unknown): boolean {
  return (
    synced !== null &&
    typeof synced === 'object' &&
    Array.isArray((synced as { disabledSites?: unknown }).disabledSites) &&
    (synced as { disabledSites: unknown[] }).disabledSites.length > 0
  );
}

/** A storage failure as the reader should hear of it. */
export type WriteError = 'quota' | 'unavailable';

export function writeErrorOf(error: unknown): WriteError {
  const text = String((error as { message?: unknown })?.message ?? error);
  return /quota|QUOTA_BYTES|MAX_WRITE_OPERATIONS|MAX_ITEMS|exceeded/i.test(text) ? 'quota' : 'unavailable';
}
