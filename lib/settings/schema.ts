// User settings, kept in sync storage. Parsing is forgiving: a bad or missing field falls back to
// its default, so a corrupt or foreign value never stops the extension from starting.
import * as v from 'valibot';
import { ENTITY_TYPES } from '../kb/schema';

export const MARK_STYLES = ['underline', 'background', 'hover'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const FACT_LANGUAGES = ['auto', 'en', 'zh'] as const;
export type FactLanguage = (typeof FACT_LANGUAGES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SiteRule = v.strictObject({
  host: v.pipe(v.string(), v.minLength(1)),
  includeSubdomains: v.boolean(),
});
export type SiteRule = v.InferOutput<typeof SiteRule>;

export const Settings = v.object({
  paused: v.fallback(v.boolean(), false),
  disabledSites: v.fallback(v.array(SiteRule), []),
  markStyle: v.fallback(v.picklist(MARK_STYLES), 'underline'),
  firstMentionOnly: v.fallback(v.boolean(), false),
  /** Entity types the reader chose not to see marked; empty means all are marked. */
  hiddenTypes: v.fallback(v.array(v.picklist(ENTITY_TYPES)), []),
  factLanguage: v.fallback(v.picklist(FACT_LANGUAGES), 'auto'),
  theme: v.fallback(v.picklist(THEMES), 'auto'),
});
export type Settings = v.InferOutput<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = v.parse(Settings, {});

/** Reads any stored value into valid settings, keeping every field that is valid. */
export function parseSettings(raw: unknown): Settings {
  const input = raw !== null && typeof raw === 'object' ? raw : {};
  return v.parse(Settings, input);
}
