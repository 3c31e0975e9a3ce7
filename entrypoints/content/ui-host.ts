// The one element Factlens adds to a page: <factlens-ui>, hosting an open shadow root for the card,
// plus a <style> in its light DOM for the ::highlight() rules, which only apply from the document's
// own style sheets (a shadow root's styles never reach the page's text).
// It is appended to <html>, not <body>, so the page's body markup stays byte-identical.

export const HOST_TAG = 'factlens-ui';

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
  // The host must never take space or catch the pointer itself; the card inside re-enables events.
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; pointer-events: none !important;',
  );
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  host.append(style);

  const ensureAttached = () => {
    if (!host.isConnected) (doc.documentElement ?? doc).append(host);
  };
  ensureAttached();

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
