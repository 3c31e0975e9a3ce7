// What test code evaluated inside the extension's service worker may use: the chrome API.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
