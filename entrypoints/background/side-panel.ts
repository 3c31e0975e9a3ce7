// Opening the side panel with something to show: the panel opens first, within the gesture,
// and the intent is stored for the panel to pick up.
import { openSidePanelNow } from '@/utils/open-side-panel';
import { type PanelIntent, panelIntentItem } from '@/utils/panel-intent';

export function openSidePanel(tabId: number | undefined, intent?: PanelIntent): Promise<boolean> {
  const opening = openSidePanelNow(tabId);
  const stored = intent ? panelIntentItem.setValue({ ...intent, at: Date.now() }) : Promise.resolve();
  return Promise.all([opening, stored]).then(
    () => true,
    () => false,
  );
}
