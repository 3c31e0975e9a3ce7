// The one element Factlens adds to a page: <factlens-ui>, hosting an open shadow root for the card,
// plus a <style> in its light DOM for the ::highlight() rules, which only apply from the document's
// own style sheets (a shadow root's styles never reach the page's text).
// It is appended to <html>, not <body>, so the page's body markup stays byte-identical.

import HOST_CSS from './ui-host.css?inline';

export const HOST_TAG = 'factlens-ui';
const MAX_REATTACH = 20;

export interface UiHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Sets the document-level highlight CSS (a constant built by highlight-style.ts). */
  setHighlightCss(css: string): void;
  /** Puts the host back if the page removed it. */
  ensureAttached(): void;
  destroy(): void;
}

export function createUiHost(doc: Document): UiHost {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  // The host never takes space or catches the pointer; the card inside re-enables events. These
  // rules live in the shadow root, where !important beats the page's own !important rules, and
  // not in a style attribute, which a strict Content-Security-Policy would block.
  const hostStyle = doc.createElement('style');
  hostStyle.textContent = HOST_CSS;
  shadow.append(hostStyle);
  const style = doc.createElement('style');
  host.append(style);

  // A page that keeps removing our host gets it back a few times, then we back off rather than
  // fight it: marks keep working, only the card can't show.
  let reattachments = 0;
  const ensureAttached = () => {
    if (host.isConnected || !doc.documentElement) return;
    if (reattachments++ > MAX_REATTACH) return;
    doc.documentElement.append(host);
  };
  doc.documentElement?.append(host);

  return {
    host,
    shadow,
    setHighlightCss(css) {
      if (style.textContent !== css) style.textContent = css;
    },
    ensureAttached,
    destroy() {
      host.remove();
    },
  };
}
