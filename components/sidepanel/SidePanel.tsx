// The side panel: what this page mentions, the reader's pins, and the whole fact index.
import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { Tabs } from '../shared/Tabs';

type View = 'page' | 'pins' | 'explore';

export function SidePanel() {
  const [view, setView] = useState<View>('page');
  return (
    <main class="fl-panel">
      <Tabs<View>
        label={t('panelTabsLabel')}
        value={view}
        onChange={setView}
        tabs={[
          { id: 'page', label: t('panelTabPage') },
          { id: 'pins', label: t('panelTabPinned') },
          { id: 'explore', label: t('panelTabExplore') },
        ]}
      />
      <section role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} class="fl-panel-body" />
    </main>
  );
}
