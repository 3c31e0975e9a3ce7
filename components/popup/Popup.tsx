// The toolbar popup: is Factlens on for this site, a global pause, what it found here,
// and the way into the side panel.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, tn } from '@/components/i18n';
import type { Settings } from '@/lib/settings/schema';
import { findSiteRule, isActiveOn, setSiteEnabled } from '@/lib/settings/site-rules';
import { openSidePanelNow } from '@/utils/open-side-panel';
import { readTargetTab, type TabView } from '@/utils/page-info';
import { getSettings, updateSettings, watchSettings } from '@/utils/settings';
import { Switch } from '../shared/Switch';
import popupCss from './popup.css?inline';

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [tab, setTab] = useState<TabView | null>(null);
  const [error, setError] = useState('');
  // Bumped after a failed save: inputs the reader flipped are drawn afresh from what is stored.
  const [revision, setRevision] = useState(0);
  const host = tab?.page?.host ?? null;

  useEffect(() => {
    void readTargetTab().then(setTab);
  }, []);
  useEffect(() => {
    if (!tab) return;
    // Only this site's rules: the reader may have switched off thousands of sites.
    const scope = { host };
    void getSettings(scope).then(setSettings);
    return watchSettings((s) => {
      setSettings(s);
      // The tab applies the change and reports back; show its new state.
      setTimeout(() => void readTargetTab().then(setTab), 1000);
    }, scope);
  }, [tab === null, host]);

  if (!settings || !tab) return <main class="fl-popup" aria-busy="true" />;

  /** Saves, and on failure says so and shows what is really stored. */
  const save = (change: (s: Settings) => Settings) =>
    void updateSettings(change, { host }).then((result) => {
      setSettings(result.settings);
      setError(result.ok ? '' : t(`saveFailed_${result.error}`));
      if (!result.ok) setRevision((r) => r + 1);
    });

  const counts = tab.counts;
  const on = host !== null && isActiveOn({ ...settings, paused: false }, host);
  const rule = host ? findSiteRule(settings, host) : undefined;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const entries = Object.keys(counts).length;

  const toggleSite = (enabled: boolean) =>
    host && save((s) => setSiteEnabled(s, host, enabled, rule?.includeSubdomains ?? false));
  const toggleSubdomains = (include: boolean) =>
    host && save((s) => setSiteEnabled(setSiteEnabled(s, host, true), host, false, include));

  return (
    <main class="fl-popup" key={revision}>
      <header class="fl-popup-head">
        <img src="/icon/32.png" width={24} height={24} alt="" />
        <h1>Factlens</h1>
      </header>
      {host ? (
        <section class="fl-popup-site" aria-label={host}>
          <div class="fl-popup-host" title={host}>
            {host}
          </div>
          <Switch checked={on} label={t('popupOnForSite')} onChange={toggleSite} disabled={settings.paused} />
          {!on && (
            <label class="fl-check">
              <input
                type="checkbox"
                checked={rule?.includeSubdomains ?? false}
                onChange={(e) => toggleSubdomains(e.currentTarget.checked)}
              />
              {t('popupIncludeSubdomains')}
            </label>
          )}
          <p class="fl-popup-status" role="status">
            {settings.paused
              ? t('popupPaused')
              : !on
                ? t('popupSiteOff')
                : total > 0
                  ? t('popupMentions', tn('mentionsCount', total), tn('entriesCount', entries))
                  : t('popupNoMentions')}
          </p>
        </section>
      ) : (
        <p class="fl-popup-status">{t('popupUnsupported')}</p>
      )}
      <Switch
        checked={settings.paused}
        label={t('popupPauseAll')}
        onChange={(paused) => save((s) => ({ ...s, paused }))}
      />
      {error && (
        <p class="fl-popup-error" role="alert">
          {error}
        </p>
      )}
      <footer class="fl-popup-foot">
        <button type="button" class="fl-btn fl-btn-primary" onClick={() => openPanel(tab.tabId)}>
          {t('popupOpenPanel')}
        </button>
        <button type="button" class="fl-btn" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </footer>
    </main>
  );
}

/** Called straight from the click so the browser sees the user gesture. */
function openPanel(tabId: number | undefined) {
  void openSidePanelNow(tabId).finally(() => window.close());
}

export { popupCss };
