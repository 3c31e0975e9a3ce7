// "Look up in Factlens" on selected text: opens the side panel's Explore tab on the selection.
import { browser } from 'wxt/browser';
import { openSidePanel } from './side-panel';

const MENU_ID = 'factlens-lookup';

export function registerContextMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: browser.i18n.getMessage('contextMenuLookup'),
        contexts: ['selection'],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    const query = (info.selectionText ?? '').trim().slice(0, 200);
    void openSidePanel(tab?.id, { view: 'explore', query });
  });
}
