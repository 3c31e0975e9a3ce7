// Typed wrappers over runtime messaging. A failed send (extension reloaded, no receiver) resolves
// to null instead of throwing, so a view degrades to a message rather than breaking.
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '@/lib/messages/background';
import type { ContentRequest } from '@/lib/messages/content';

export async function askBackground<T>(request: BackgroundRequest): Promise<T | null> {
  try {
    return ((await browser.runtime.sendMessage(request)) as T | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function askTab<T>(tabId: number, request: ContentRequest, frameId = 0): Promise<T | null> {
  try {
    return ((await browser.tabs.sendMessage(tabId, request, { frameId })) as T | undefined) ?? null;
  } catch {
    return null;
  }
}
