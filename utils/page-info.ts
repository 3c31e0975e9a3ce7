// What the popup and the side panel know about a tab. They ask the tab's own content script for
// its page (URL, site, on or off), so Factlens needs no permission to read every tab's URL;
// counts come from the background, which adds up all frames. No answer means Factlens can't run
// there (a browser page, the web store, a tab opened before the extension was installed).
import type { PageInfo } from '@/lib/messages/content';
import { askBackground, askTab } from './messaging';
import { targetTab } from './target-tab';

export interface TabView {
  tabId?: number;
  page: PageInfo | null;
  /** Mentions over all of the tab's frames. */
  counts: Record<string, number>;
}

export async function readTargetTab(): Promise<TabView> {
  const tab = await targetTab();
  if (tab?.id === undefined) return { page: null, counts: {} };
  const [page, counts] = await Promise.all([
    askTab(tab.id, { type: 'page-info' }),
    askBackground({ type: 'tab-counts', tabId: tab.id }),
  ]);
  if (!page?.enabled) return { tabId: tab.id, page, counts: {} };
  // The background's total lags the top frame by its report throttle; take the larger of each.
  const total: Record<string, number> = { ...(counts ?? {}) };
  for (const [id, n] of Object.entries(page.counts)) total[id] = Math.max(total[id] ?? 0, n);
  return { tabId: tab.id, page, counts: total };
}
