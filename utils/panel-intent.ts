// What the side panel should show when it opens: an entity page, a search, or this page's mentions.
// The opener (card, context menu) writes it to session storage; the panel reads and watches it.
import { storage } from '@wxt-dev/storage';

export type PanelIntent =
  | { view: 'entity'; id: string }
  | { view: 'explore'; query: string }
  | { view: 'page' }
  | { view: 'pins' };

export const panelIntentItem = storage.defineItem<(PanelIntent & { at: number }) | null>(
  'session:panelIntent',
  {
    fallback: null,
  },
);
