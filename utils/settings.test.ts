// Settings at scale and under failure: thousands of switched-off sites, the synced item under its
// size limit, the old layout migrated without losing a site, and writes that fail saying so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '@/lib/settings/schema';
import { isActiveOn, setSiteEnabled } from '@/lib/settings/site-rules';
import { siteKey } from '@/lib/settings/stored';
import { getSettings, migrateLegacySites, PREFS_ONLY, updateSettings, watchSettings } from './settings';

/** Sync storage's per-item limit: key plus JSON value, in bytes. */
const SYNC_ITEM_LIMIT = 8192;
const syncItemBytes = async () => {
  const value = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(value)).length;
};
const hosts = (n: number) => Array.from({ length: n }, (_, i) => `site-${i}.example.com`);

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('site rules at scale', () => {
  it('switches the 10,001st site off and on at once, the synced item staying small', async () => {
    const entries = Object.fromEntries(hosts(10_000).map((h) => [siteKey(h), { sub: false }]));
    await fakeBrowser.storage.local.set(entries);
    const host = 'one-more.example.org';
    const off = await updateSettings((s) => setSiteEnabled(s, host, false), { host });
    expect(off.ok).toBe(true);
    expect(isActiveOn(await getSettings({ host }), host)).toBe(false);
    expect((await getSettings()).disabledSites).toHaveLength(10_001);
    expect(await syncItemBytes()).toBeLessThan(SYNC_ITEM_LIMIT);
    // A page reads only its own host's keys.
    const scoped = await getSettings({ host: 'site-42.example.com' });
    expect(scoped.disabledSites).toEqual([{ host: 'site-42.example.com', includeSubdomains: false }]);
    const on = await updateSettings((s) => setSiteEnabled(s, host, true), { host });
    expect(on.ok).toBe(true);
    expect(isActiveOn(await getSettings({ host }), host)).toBe(true);
    expect((await getSettings()).disabledSites).toHaveLength(10_000);
  });

  it('a rule with subdomains covers them, and switching a subdomain on removes it', async () => {
    await updateSettings((s) => setSiteEnabled(s, 'example.com', false, true), { host: 'example.com' });
    expect(isActiveOn(await getSettings({ host: 'news.example.com' }), 'news.example.com')).toBe(false);
    await updateSettings((s) => setSiteEnabled(s, 'news.example.com', true), { host: 'news.example.com' });
    expect((await getSettings()).disabledSites).toEqual([]);
  });
});

describe('migration from the synced site list', () => {
  it('moves every site of an old synced list to local keys and shrinks the synced item', async () => {
    const old = hosts(131).map((host, i) => ({ host, includeSubdomains: i % 2 === 0 }));
    await fakeBrowser.storage.sync.set({
      [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, markStyle: 'background', disabledSites: old },
    });
    // Before the migration runs, readers already see every site.
    expect((await getSettings()).disabledSites).toHaveLength(131);
    await migrateLegacySites();
    const after = await getSettings();
    expect(after.disabledSites).toEqual([...old].sort((a, b) => a.host.localeCompare(b.host)));
    expect(after.markStyle).toBe('background');
    const synced = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as object;
    expect(synced).not.toHaveProperty('disabledSites');
    expect(await syncItemBytes()).toBeLessThan(1000);
  });

  it('loses nothing when the migration write fails: the old list is still read', async () => {
    const old = hosts(50).map((host) => ({ host, includeSubdomains: false }));
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, disabledSites: old } });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await migrateLegacySites();
    expect((await getSettings()).disabledSites).toHaveLength(50);
  });
});

describe('failed writes say so and report what is stored', () => {
  it('quota exceeded on a site rule', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const result = await updateSettings((s) => setSiteEnabled(s, 'a.example', false), { host: 'a.example' });
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(isActiveOn(result.settings, 'a.example')).toBe(true);
  });

  it('sync write limits on a preference', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(
      new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'),
    );
    const result = await updateSettings((s) => ({ ...s, paused: true }), PREFS_ONLY);
    expect(result).toMatchObject({ ok: false, error: 'quota' });
    expect(result.settings.paused).toBe(false);
  });

  it('storage unavailable', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('No storage'));
    const result = await updateSettings((s) => ({ ...s, theme: 'dark' }), PREFS_ONLY);
    expect(result).toMatchObject({ ok: false, error: 'unavailable' });
    expect(result.settings.theme).toBe('auto');
  });
});

describe('watchSettings', () => {
  it('follows preferences and site rules', async () => {
    const seen: boolean[] = [];
    const stop = watchSettings((s) => seen.push(isActiveOn(s, 'b.example')), { host: 'b.example' });
    await updateSettings((s) => setSiteEnabled(s, 'b.example', false), { host: 'b.example' });
    await vi.waitFor(() => expect(seen).toContain(false));
    stop();
  });
});
