// On selected text: "Look up in Factlens" opens the side panel's Explore tab on the selection, and
// "Add to Factlens" opens the entry editor there with the selection as the new entry's name.
import { browser } from 'wxt/browser';
import type { PanelIntent } from '@/utils/panel-intent';
import { openSidePanel } from './side-panel';

export const MENU_LOOKUP = 'factlens-lookup';
export const MENU_ADD = 'factlens-add';

/** The longest search the menu opens Explore with. */
const QUERY_LENGTH = 200;
/** A new entry's name is at most this long (KNOWLEDGE_LIMITS.name). */
const NAME_LENGTH = 120;

/** The selection as one line, cut at a code point to `max`. */
export function selectionText(text: string | undefined, max: number): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return Array.from(line).slice(0, max).join('').trim();
}

/** What the side panel should open on for a click on one of the menu's items; null for others. */
export function intentForMenu(
  menuItemId: string | number,
  selection: string | undefined,
): PanelIntent | null {
  if (menuItemId === MENU_LOOKUP) return { view: 'explore', query: selectionText(selection, QUERY_LENGTH) };
  if (menuItemId === MENU_ADD) return { view: 'new-entry', text: selectionText(selection, NAME_LENGTH) };
  return null;
}

/**
 * The menu's click handler. It opens the side panel synchronously, inside the click's user
 * gesture (sidePanel.open is refused outside one).
 */
export function onMenuClick(
  info: { menuItemId: string | number; selectionText?: string },
  tab?: { id?: number },
): Promise<boolean> | undefined {
  const intent = intentForMenu(info.menuItemId, info.selectionText);
  if (!intent) return undefined;
  return openSidePanel(tab?.id, intent);
}

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_LOOKUP,
        title: browser.i18n.getMessage('contextMenuLookup'),
        contexts: ['selection'],
      });
      browser.contextMenus.create({
        id: MENU_ADD,
        title: browser.i18n.getMessage('contextMenuAdd'),
        contexts: ['selection'],
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onMenuClick(info, tab);
  });
}
