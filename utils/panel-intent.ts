// What the side panel should show when it opens: an entity page, a search, this page's mentions,
// or the editor for a new entry named by the reader's selection.
// The opener (card, context menu) writes it to session storage; the panel reads and watches it.
import { storage } from '@wxt-dev/storage';

export type PanelIntent =
  | { view: 'entity'; id: string }
  | { view: 'explore'; query: string }
  | { view: 'page' }
  | { view: 'pins' }
  /** Explore with the entry editor open, its name prefilled from `text` (a selection). */
  | { view: 'new-entry'; text: string };

export const panelIntentItem = storage.defineItem<(PanelIntent & { at: number }) | null>(
  'session:panelIntent',
  {
    fallback: null,
  },
);
