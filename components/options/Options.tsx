// The options page: where Factlens is off, how marks look, which kinds of entries are marked,
// the language of facts and the theme; then the reader's own entries and the packs. Every change
// saves at once and reaches open tabs live.
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t, uiLanguage } from '@/components/i18n';
import { ENTITY_TYPES, type EntityType } from '@/lib/kb/schema';
import {
  CARD_TRIGGERS,
  FACT_LANGUAGES,
  MARK_STYLES,
  REST_DELAY_MS,
  type Settings,
  THEMES,
} from '@/lib/settings/schema';
import { normalizeHost, setSiteEnabled } from '@/lib/settings/site-rules';
import { getSettings, updateSettings, watchSettings } from '@/utils/settings';
import { EntriesSection } from '../entries/EntriesSection';
import { PacksSection } from '../entries/PacksSection';
import { Switch } from '../shared/Switch';
import { useKnowledge } from '../shared/use-knowledge';
import optionsCss from './options.css?inline';

const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/;

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  // Bumped after a failed save: inputs the reader flipped are drawn afresh from what is stored.
  const [revision, setRevision] = useState(0);
  const knowledge = useKnowledge();
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return <main class="fl-options" aria-busy="true" />;
  /** Saves at once; on failure says so and shows what is really stored. */
  const save = (change: (s: Settings) => Settings) =>
    void updateSettings(change).then((result) => {
      setSettings(result.settings);
      setError(result.ok ? '' : t(`saveFailed_${result.error}`));
      if (!result.ok) setRevision((r) => r + 1);
    });

  const lang = uiLanguage();

  return (
    <main class="fl-options">
      {/* Redrawn from storage after a failed save; the entries below keep what is being typed. */}
      <div class="fl-options-settings" key={revision}>
        <header class="fl-options-head">
          <img src="/icon/48.png" width={32} height={32} alt="" />
          <h1>{t('optionsTitle')}</h1>
        </header>
        {error && (
          <p class="fl-error" role="alert">
            {error}
          </p>
        )}
        <section aria-labelledby="sites-h">
          <h2 id="sites-h">{t('optionsSitesHeading')}</h2>
          <Switch
            checked={settings.paused}
            label={t('optionsPaused')}
            onChange={(paused) => save((s) => ({ ...s, paused }))}
          />
          <SiteList settings={settings} save={save} />
        </section>
        <section aria-labelledby="marks-h">
          <h2 id="marks-h">{t('optionsMarksHeading')}</h2>
          <Choice
            label={t('optionsMarkStyle')}
            name="markStyle"
            value={settings.markStyle}
            options={MARK_STYLES}
            optionLabel={(v) => t(`markStyle_${v}` as MessageKey)}
            onChange={(markStyle) => save((s) => ({ ...s, markStyle }))}
          />
          <label class="fl-check">
            <input
              type="checkbox"
              checked={settings.firstMentionOnly}
              onChange={(e) => save((s) => ({ ...s, firstMentionOnly: e.currentTarget.checked }))}
            />
            {t('optionsFirstOnly')}
          </label>
          <fieldset class="fl-types">
            <legend>{t('optionsTypes')}</legend>
            {ENTITY_TYPES.map((type) => (
              <label key={type} class="fl-check">
                <input
                  type="checkbox"
                  checked={!settings.hiddenTypes.includes(type)}
                  onChange={(e) =>
                    save((s) => ({
                      ...s,
                      hiddenTypes: toggleType(s.hiddenTypes, type, e.currentTarget.checked),
                    }))
                  }
                />
                {t(`type_${type}` as MessageKey)}
              </label>
            ))}
          </fieldset>
        </section>
        <section aria-labelledby="cards-h">
          <h2 id="cards-h">{t('optionsCardsHeading')}</h2>
          <Choice
            label={t('optionsCardTrigger')}
            name="cardTrigger"
            value={settings.cardTrigger}
            options={CARD_TRIGGERS}
            optionLabel={(v) => t(`cardTrigger_${v}` as MessageKey)}
            onChange={(cardTrigger) => save((s) => ({ ...s, cardTrigger }))}
          />
          <label class="fl-range">
            <span>{t('optionsRestDelay', settings.restDelayMs)}</span>
            <input
              type="range"
              min={REST_DELAY_MS.min}
              max={REST_DELAY_MS.max}
              step={50}
              value={settings.restDelayMs}
              disabled={settings.cardTrigger !== 'rest'}
              onChange={(e) => save((s) => ({ ...s, restDelayMs: Number(e.currentTarget.value) }))}
            />
          </label>
          <p class="fl-muted">{t('optionsTouchNote')}</p>
        </section>
        <section aria-labelledby="display-h">
          <h2 id="display-h">{t('optionsDisplayHeading')}</h2>
          <Choice
            label={t('optionsFactLanguage')}
            name="factLanguage"
            value={settings.factLanguage}
            options={FACT_LANGUAGES}
            optionLabel={(v) => t(`factLanguage_${v}` as MessageKey)}
            onChange={(factLanguage) => save((s) => ({ ...s, factLanguage }))}
          />
          <Choice
            label={t('optionsTheme')}
            name="theme"
            value={settings.theme}
            options={THEMES}
            optionLabel={(v) => t(`theme_${v}` as MessageKey)}
            onChange={(theme) => save((s) => ({ ...s, theme }))}
          />
        </section>
      </div>
      <EntriesSection knowledge={knowledge} lang={lang} />
      <PacksSection knowledge={knowledge} lang={lang} />
      <p class="fl-muted">{t('optionsShortcuts')}</p>
    </main>
  );
}

function toggleType(hidden: EntityType[], type: EntityType, shown: boolean): EntityType[] {
  return shown ? hidden.filter((h) => h !== type) : [...new Set([...hidden, type])];
}

function SiteList({ settings, save }: { settings: Settings; save: (c: (s: Settings) => Settings) => void }) {
  const [draft, setDraft] = useState('');
  const [subdomains, setSubdomains] = useState(false);
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    let host = draft.trim();
    try {
      if (host.includes('/')) host = new URL(host.includes('://') ? host : `https://${host}`).hostname;
    } catch {
      // Not a URL: validated as a host name below.
    }
    host = normalizeHost(host);
    if (!HOST_PATTERN.test(host)) {
      setError(t('optionsSiteInvalid'));
      return;
    }
    setError('');
    setDraft('');
    save((s) => setSiteEnabled(s, host, false, subdomains));
  };
  return (
    <div class="fl-sites">
      {settings.disabledSites.length === 0 ? (
        <p class="fl-muted">{t('optionsSitesEmpty')}</p>
      ) : (
        <ul class="fl-site-list">
          {settings.disabledSites.map((rule) => (
            <li key={rule.host}>
              <span>
                <strong>{rule.host}</strong>
                {rule.includeSubdomains && <span class="fl-muted"> {t('optionsSubdomains')}</span>}
              </span>
              <button
                type="button"
                class="fl-btn fl-btn-small"
                aria-label={t('optionsSiteRemove', rule.host)}
                onClick={() =>
                  save((s) => ({
                    ...s,
                    disabledSites: s.disabledSites.filter((r) => r !== rule && r.host !== rule.host),
                  }))
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="fl-site-form" onSubmit={add}>
        <label class="fl-visually-hidden" for="site-input">
          {t('optionsSiteAdd')}
        </label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('optionsSitePlaceholder')}
          value={draft}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <label class="fl-check">
          <input
            type="checkbox"
            checked={subdomains}
            onChange={(e) => setSubdomains(e.currentTarget.checked)}
          />
          {t('optionsSubdomains')}
        </label>
        <button type="submit" class="fl-btn">
          {t('optionsSiteAdd')}
        </button>
      </form>
      {error && (
        <p id="site-error" class="fl-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Choice<T extends string>(props: {
  label: string;
  name: string;
  value: T;
  options: readonly T[];
  optionLabel(v: T): string;
  onChange(v: T): void;
}) {
  return (
    <fieldset class="fl-choice">
      <legend>{props.label}</legend>
      {props.options.map((option) => (
        <label key={option} class="fl-radio">
          <input
            type="radio"
            name={props.name}
            value={option}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {props.optionLabel(option)}
        </label>
      ))}
    </fieldset>
  );
}

export { optionsCss };
