// Runtime messaging, typed by the request→response maps in lib/messages: the request's type names
// its answer, and the answer is checked where it arrives. A failed send (extension reloaded, no
// receiver) or an answer of the wrong shape resolves to null, so a view degrades to a message
// rather than breaking.
import { browser } from 'wxt/browser';
import type { BackgroundRequest } from '@/lib/messages/background';
import { type BackgroundResponses, checkBackgroundResponse } from '@/lib/messages/background-answers';
import { type ContentRequest, type ContentResponses, checkContentResponse } from '@/lib/messages/content';

export async function askBackground<R extends BackgroundRequest>(
  request: R,
): Promise<BackgroundResponses[R['type']] | null> {
  try {
    return checkBackgroundResponse<R['type']>(request.type, await browser.runtime.sendMessage(request));
  } catch {
    return null;
  }
}

export async function askTab<R extends ContentRequest>(
  tabId: number,
  request: R,
  frameId = 0,
): Promise<ContentResponses[R['type']] | null> {
  try {
    return checkContentResponse<R['type']>(
      request.type,
      await browser.tabs.sendMessage(tabId, request, { frameId }),
    );
  } catch {
    return null;
  }
}
