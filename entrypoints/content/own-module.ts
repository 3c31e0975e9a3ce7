// Our own ES modules that the content script imports on first need (the marker, the card).
// An import from a content script runs in the content script's world with its extension APIs,
// in Chrome and in Firefox, and is not subject to the page's Content-Security-Policy. In a web
// page the file's address is the one runtime.getURL gives (in Chrome a per-session one, listed
// in web_accessible_resources in wxt.config.ts); our own pages (the welcome page) load it from
// their own origin, which their policy ('self') allows.
import { browser } from 'wxt/browser';

/** The files: each an unlisted entrypoint built as an ES module (wxt.config.ts). */
export type OwnModulePath = '/card-ui.js' | '/marker.js';

export async function importOwnModule<T>(path: OwnModulePath): Promise<T> {
  const url = location.protocol.endsWith('-extension:')
    ? new URL(path, location.origin).href
    : browser.runtime.getURL(path);
  return ((await import(/* @vite-ignore */ url)) as { default: T }).default;
}
