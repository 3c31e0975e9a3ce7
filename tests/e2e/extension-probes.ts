// Watches what the extension itself does in a page: console errors from its scripts and any
// network request its code starts (the CDP initiator stack names the script that asked).
import type { Page } from 'playwright-core';

export interface ExtensionProbe {
  errors: string[];
  requests: string[];
}

interface CallFrame {
  url: string;
}
interface StackTrace {
  callFrames: CallFrame[];
  parent?: StackTrace;
}

function stackUrls(stack: StackTrace | undefined): string[] {
  const urls: string[] = [];
  for (let s = stack; s; s = s.parent) urls.push(...s.callFrames.map((f) => f.url));
  return urls;
}

export async function probeExtension(page: Page): Promise<ExtensionProbe> {
  const probe: ExtensionProbe = { errors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.location().url.startsWith('chrome-extension://')) {
      probe.errors.push(`${msg.text()} @ ${msg.location().url}`);
    }
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on(
    'Network.requestWillBeSent',
    (event: { request: { url: string }; initiator: { url?: string; stack?: StackTrace } }) => {
      const urls = [event.initiator.url ?? '', ...stackUrls(event.initiator.stack)];
      if (urls.some((u) => u.startsWith('chrome-extension://'))) probe.requests.push(event.request.url);
    },
  );
  return probe;
}
