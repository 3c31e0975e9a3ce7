// The side panel: what this page mentions, the reader's pins, and the whole fact index.
// It opens on what its opener asked for (an entity from a card, a search or a new entry from the
// context menu).
import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage } from '@/components/i18n';
import type { Lang } from '@/lib/kb/format';
import type { UserEntity } from '@/lib/knowledge/schema';
import { type PanelIntent, panelIntentItem } from '@/utils/panel-intent';
import { getSettings, PREFS_ONLY, watchSettings } from '@/utils/settings';
import { Tabs } from '../shared/Tabs';
import { useKnowledge } from '../shared/use-knowledge';
import { EntityPage } from './EntityPage';
import { ExploreView, type NewEntryRequest } from './ExploreView';
import { PageView } from './PageView';
import { PinsView } from './PinsView';
import { usePins } from './use-pins';

type View = 'page' | 'pins' | 'explore';

export function SidePanel() {
  const [view, setView] = useState<View>('page');
  const [entity, setEntity] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [lang, setLang] = useState<Lang>(uiLanguage());
  const pins = usePins();
  const knowledge = useKnowledge();
  const [newEntry, setNewEntry] = useState<NewEntryRequest | null>(null);
  /** The entry just saved here, shown before the store's change reaches the reader. */
  const [saved, setSaved] = useState<UserEntity | null>(null);
  const storedEntities = knowledge.view.state.entities;
  useEffect(() => {
    // Once the store's copy has caught up, it is the one shown (and a later delete is seen).
    if (saved && storedEntities.some((e) => e.id === saved.id && e.updatedAt >= saved.updatedAt))
      setSaved(null);
  }, [saved, storedEntities]);

  useEffect(() => {
    const applyLang = (factLanguage: 'auto' | Lang) =>
      setLang(factLanguage === 'auto' ? uiLanguage() : factLanguage);
    void getSettings(PREFS_ONLY).then((s) => applyLang(s.factLanguage));
    const unwatchSettings = watchSettings((s) => applyLang(s.factLanguage), PREFS_ONLY);
    const follow = (intent: (PanelIntent & { at: number }) | null) => {
      if (!intent) return;
      if (intent.view !== 'new-entry') setNewEntry(null);
      if (intent.view === 'entity') {
        setView('explore');
        setEntity(intent.id);
      } else if (intent.view === 'explore') {
        setView('explore');
        setEntity(null);
        setQuery(intent.query);
      } else if (intent.view === 'new-entry') {
        setView('explore');
        setEntity(null);
        setNewEntry({ text: intent.text, at: intent.at });
      } else {
        setView(intent.view);
      }
      void panelIntentItem.setValue(null);
    };
    void panelIntentItem.getValue().then(follow);
    const unwatchIntent = panelIntentItem.watch(follow);
    return () => {
      unwatchSettings();
      unwatchIntent();
    };
  }, []);

  const openEntity = (id: string) => {
    setView('explore');
    setEntity(id);
  };
  const entrySaved = (e: UserEntity) => {
    setSaved(e);
    setNewEntry(null);
    setEntity(e.id);
  };

  return (
    <main class="fl-panel">
      <Tabs<View>
        label={t('panelTabsLabel')}
        value={view}
        onChange={(v) => {
          setView(v);
          if (v !== 'explore') {
            setEntity(null);
            setNewEntry(null);
          }
        }}
        tabs={[
          { id: 'page', label: t('panelTabPage') },
          { id: 'pins', label: t('panelTabPinned'), badge: pins.state.pins.length },
          { id: 'explore', label: t('panelTabExplore') },
        ]}
      />
      <section role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} class="fl-panel-body">
        {view === 'page' && <PageView lang={lang} onOpenEntity={openEntity} />}
        {view === 'pins' && <PinsView lang={lang} pins={pins} onOpenEntity={openEntity} />}
        {view === 'explore' &&
          (entity ? (
            <EntityPage
              key={entity}
              id={entity}
              lang={lang}
              knowledge={knowledge}
              saved={saved?.id === entity ? saved : null}
              onSaved={setSaved}
              pinnedFacts={pins.pinnedFacts}
              onPin={(factId, entityId) => void pins.pinFromPanel(factId, entityId)}
              onOpenEntity={setEntity}
              onBack={() => setEntity(null)}
            />
          ) : (
            <ExploreView
              lang={lang}
              query={query}
              onQuery={setQuery}
              onOpenEntity={setEntity}
              pins={pins}
              knowledge={knowledge}
              newEntry={newEntry}
              onNewEntry={setNewEntry}
              onEntrySaved={entrySaved}
            />
          ))}
      </section>
    </main>
  );
}
