// Test helpers that act from inside the extension's service worker, as the background would.
import type { ExtensionBrowser } from './browser';

function worker(b: ExtensionBrowser) {
  const w = b.context.serviceWorkers()[0];
  if (!w) throw new Error('the extension has no service worker');
  return w;
}

/** The id of the tab showing `url`. Factlens can't read tab URLs, so it asks each tab's content script. */
export async function tabIdOf(b: ExtensionBrowser, url: string): Promise<number> {
  const id = await worker(b).evaluate(async (u) => {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const info = (await chrome.tabs.sendMessage(tab.id, { type: 'page-info' }, { frameId: 0 })) as {
          url?: string;
        };
        if (info?.url === u) return tab.id;
      } catch {
        // No content script in that tab.
      }
    }
    return undefined;
  }, url);
  if (id === undefined) throw new Error(`no tab with Factlens on ${url}`);
  return id;
}

export async function sendToTab<T>(b: ExtensionBrowser, url: string, message: object): Promise<T> {
  const tabId = await tabIdOf(b, url);
  return worker(b).evaluate(
    ([id, m]) => chrome.tabs.sendMessage(id as number, m, { frameId: 0 }) as Promise<T>,
    [tabId, message] as const,
  );
}

export function storedPins(b: ExtensionBrowser): Promise<unknown[]> {
  return worker(b).evaluate(async () => ((await chrome.storage.local.get('pins')).pins as unknown[]) ?? []);
}

/** Changes stored preferences the way the options page would (the synced settings item). */
export function patchSettings(b: ExtensionBrowser, patch: object): Promise<void> {
  return worker(b).evaluate(async (p) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
  }, patch);
}
