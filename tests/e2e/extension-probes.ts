// Watches what the extension itself does in a page: console errors from its scripts and any
// network request its code starts (the CDP initiator stack names the script that asked). Loads
// of the extension's own files (the card's code, imported by the content script through the
// per-session URL Chrome gives it) never leave the browser: they are listed apart, by path.
import type { Page } from 'playwright-core';

export interface ExtensionProbe {
  errors: string[];
  /** Requests for anything but the extension's own files. */
  requests: string[];
  /** Paths of the extension's own files its scripts loaded in the page, e.g. `/card-ui.js`. */
  ownFiles: string[];
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

/** `extensionId` scopes the probe to our extension (pages may reference other extensions' URLs). */
export async function probeExtension(page: Page, extensionId: string): Promise<ExtensionProbe> {
  const origin = `chrome-extension://${extensionId}/`;
  const probe: ExtensionProbe = { errors: [], requests: [], ownFiles: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.location().url.startsWith(origin)) {
      probe.errors.push(`${msg.text()} @ ${msg.location().url}`);
    }
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // Uncaught exceptions in the content script's isolated world never reach the page's console
  // events; the runtime domain reports them with the script's URL.
  await cdp.send('Runtime.enable');
  cdp.on(
    'Runtime.exceptionThrown',
    (event: {
      exceptionDetails: {
        text: string;
        url?: string;
        stackTrace?: StackTrace;
        exception?: { description?: string };
      };
    }) => {
      const d = event.exceptionDetails;
      const urls = [d.url ?? '', ...stackUrls(d.stackTrace)];
      if (urls.some((u) => u.startsWith(origin)))
        probe.errors.push(
          `${d.exception?.description ?? d.text} @ ${urls.find((u) => u.startsWith(origin))}`,
        );
    },
  );
  cdp.on(
    'Network.requestWillBeSent',
    (event: { request: { url: string }; initiator: { url?: string; stack?: StackTrace } }) => {
      const urls = [event.initiator.url ?? '', ...stackUrls(event.initiator.stack)];
      if (!urls.some((u) => u.startsWith(origin))) return;
      const url = new URL(event.request.url);
      if (url.protocol === 'chrome-extension:') probe.ownFiles.push(url.pathname);
      else probe.requests.push(event.request.url);
    },
  );
  return probe;
}
