// Typed access to the extension's strings through browser.i18n, which follows the browser's language.
import { browser } from 'wxt/browser';
// Type-only imports: the strings themselves reach the browser through _locales, not the bundles.
import type { cardStrings } from './strings-card';
import type { commonStrings } from './strings-common';
import type { entriesStrings } from './strings-entries';
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
  | keyof typeof welcomeStrings
  | keyof typeof entriesStrings;

/** A UI string in the browser's language; `$1`… are filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  // browser.i18n keys allow only letters, digits and underscores (see scripts/build-locales.ts).
  const name = key.replace(/-/g, '_') as Parameters<typeof browser.i18n.getMessage>[0];
  const message = browser.i18n.getMessage(name, subs.map(String));
  return message || key;
}

/** Keys with per-count forms: `${key}_one`, `${key}_other` (Chinese uses the second only). */
type PluralKey<K> = K extends `${infer Base}_other` ? Base : never;

const plurals = new Map<string, Intl.PluralRules>();

/** A count in the UI language with the right plural form: "1 mention", "2 mentions", "2 处提及". */
export function tn(key: PluralKey<MessageKey>, count: number, ...subs: (string | number)[]): string {
  const lang = uiLanguage() === 'zh' ? 'zh-CN' : 'en';
  let rules = plurals.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    plurals.set(lang, rules);
  }
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, count, ...subs);
}

/** The language the browser's UI uses, reduced to the two Factlens speaks. */
export function uiLanguage(): 'en' | 'zh' {
  const lang = browser.i18n.getUILanguage?.() ?? navigator.language;
  return lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
