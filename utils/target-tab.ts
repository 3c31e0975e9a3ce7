// The tab a popup or side panel is about: normally the active tab of the window. Tests open these
// pages as tabs of their own, so `?tab=ID` names the tab explicitly.
import { browser } from 'wxt/browser';

export async function targetTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) {
    try {
      return await browser.tabs.get(Number(param));
    } catch {
      // The tab is gone: fall back to the active one.
    }
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}
