// Typed access to the extension's strings through browser.i18n, which follows the browser's language.
import { browser } from 'wxt/browser';
// Type-only imports: the strings themselves reach the browser through _locales, not the bundles.
import type { cardStrings } from './strings-card';
import type { commonStrings } from './strings-common';
import type { optionsStrings } from './strings-options';
import type { panelStrings } from './strings-panel';
import type { popupStrings } from './strings-popup';
import type { welcomeStrings } from './strings-welcome';

export type MessageKey =
  | keyof typeof commonStrings
  | keyof typeof cardStrings
  | keyof typeof panelStrings
  | keyof typeof popupStrings
  | keyof typeof optionsStrings
  | keyof typeof welcomeStrings;

/** A UI string in the browser's language; `$1`… are filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  // browser.i18n keys allow only letters, digits and underscores (see scripts/build-locales.ts).
  const name = key.replace(/-/g, '_') as Parameters<typeof browser.i18n.getMessage>[0];
  const message = browser.i18n.getMessage(name, subs.map(String));
  return message || key;
}

/** The language the browser's UI uses, reduced to the two Factlens speaks. */
export function uiLanguage(): 'en' | 'zh' {
  const lang = browser.i18n.getUILanguage?.() ?? navigator.language;
  return lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
