// "On this page": the entries the active tab mentions, grouped by type, with their counts.
// Clicking one scrolls the page to its next mention and flashes it.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MessageKey, t, tn } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import { ENTITY_TYPES } from '@/lib/kb/schema';
import { askBackground } from '@/utils/messaging';
import { readTargetTab, type TabView } from '@/utils/page-info';
import { cards } from './kb';

export function PageView({ lang, onOpenEntity }: { lang: Lang; onOpenEntity(id: string): void }) {
  const [state, setState] = useState<TabView | null>(null);
  useEffect(() => {
    const refresh = () => void readTargetTab().then(setState);
    refresh();
    const onSession = (changes: Record<string, unknown>) => {
      if ('tabCounts' in changes) refresh();
    };
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(refresh);
    browser.storage.session.onChanged.addListener(onSession);
    browser.storage.sync.onChanged.addListener(refresh);
    return () => {
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(refresh);
      browser.storage.session.onChanged.removeListener(onSession);
      browser.storage.sync.onChanged.removeListener(refresh);
    };
  }, []);

  if (!state) return null;
  if (!state.page?.host) return <p class="fl-empty-state">{t('pageNoTab')}</p>;
  if (!state.page.enabled) return <p class="fl-empty-state">{t('pageOff')}</p>;
  const entries = Object.entries(state.counts).filter(([id]) => cards.entity(id));
  if (entries.length === 0) return <p class="fl-empty-state">{t('pageNothing')}</p>;

  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const byType = ENTITY_TYPES.map((type) => ({
    type,
    items: entries
      .filter(([id]) => cards.entity(id)?.type === type)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  })).filter((g) => g.items.length > 0);

  return (
    <div class="fl-page-view">
      <p class="fl-muted" role="status">
        {t('pageSummary', tn('mentionsCount', total), tn('entriesCount', entries.length))}
      </p>
      {byType.map((group) => (
        <section key={group.type} class="fl-group" aria-labelledby={`group-${group.type}`}>
          <h2 id={`group-${group.type}`}>{t(`type_${group.type}` as MessageKey)}</h2>
          <ul class="fl-entity-list">
            {group.items.map(([id, count]) => {
              const name = cards.entity(id)!.name[lang];
              return (
                <li key={id}>
                  <button
                    type="button"
                    class="fl-entity-row"
                    aria-label={t('pageReveal', name, count)}
                    onClick={() =>
                      state.tabId !== undefined &&
                      void askBackground({ type: 'step', tabId: state.tabId, entity: id })
                    }
                  >
                    <span class="fl-entity-name">{name}</span>
                    <span class="fl-count">{tn('mentionsCount', count)}</span>
                  </button>
                  <button
                    type="button"
                    class="fl-btn fl-btn-ghost"
                    aria-label={t('pageDetails', name)}
                    title={t('pageDetails', name)}
                    onClick={() => onOpenEntity(id)}
                  >
                    ›
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
