// Keyboard shortcuts: toggle Factlens on the current site; move to the next mention.
import { type Browser, browser } from 'wxt/browser';
import { isActiveOn, setSiteEnabled, siteHostOf } from '@/lib/settings/site-rules';
import { askTab } from '@/utils/messaging';
import { updateSettings } from '@/utils/settings';
import { stepAcrossFrames } from './frame-steps';

export function registerCommands(activeTab: () => Promise<Browser.tabs.Tab | undefined>): void {
  browser.commands.onCommand.addListener(async (command) => {
    const tab = await activeTab();
    if (tab?.id === undefined) return;
    if (command === 'toggle-site') {
      // activeTab grants the URL during a shortcut; the content script can also tell its site.
      const host = siteHostOf(tab.url) ?? (await askTab(tab.id, { type: 'page-info' }))?.host;
      if (!host) return;
      await updateSettings((s) => setSiteEnabled(s, host, !isActiveOn({ ...s, paused: false }, host)), {
        host,
      });
    } else if (command === 'next-mention') {
      await stepAcrossFrames(tab.id);
    }
  });
}
