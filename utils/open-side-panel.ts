// Opens Chrome's side panel or Firefox's sidebar. Both only open during a user gesture, so call
// this first thing in a click (or command/menu) handler, before any await.
import { browser } from 'wxt/browser';

interface ChromeSidePanel {
  open(options: { tabId: number } | { windowId: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

export function openSidePanelNow(tabId?: number): Promise<void> {
  try {
    if (import.meta.env.FIREFOX) {
      return (browser as unknown as { sidebarAction: FirefoxSidebar }).sidebarAction.open();
    }
    const sidePanel = (browser as unknown as { sidePanel: ChromeSidePanel }).sidePanel;
    return sidePanel.open(tabId !== undefined ? { tabId } : { windowId: browser.windows.WINDOW_ID_CURRENT });
  } catch (error) {
    return Promise.reject(error);
  }
}
