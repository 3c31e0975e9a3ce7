// User settings, kept in sync storage. Parsing is forgiving: a bad or missing field falls back to
// its default, so a corrupt or foreign value never stops the extension from starting. Hand-written
// rather than a schema library: the content script reads settings on every page and stays small.
import { ENTITY_TYPES, type EntityType } from '../kb/vocab';

export const SETTINGS_KEY = 'settings';

export const MARK_STYLES = ['underline', 'background', 'hover'] as const;
export type MarkStyle = (typeof MARK_STYLES)[number];
export const FACT_LANGUAGES = ['auto', 'en', 'zh'] as const;
export type FactLanguage = (typeof FACT_LANGUAGES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
/** When a card opens on pointer devices: the pointer resting on a mark, or only with Alt held, or on click. */
export const CARD_TRIGGERS = ['rest', 'alt', 'click'] as const;
export type CardTrigger = (typeof CARD_TRIGGERS)[number];
/** How long the pointer rests on a mark before its card opens (the `rest` trigger). */
export const REST_DELAY_MS = { default: 300, min: 100, max: 2000 } as const;

export interface SiteRule {
  host: string;
  includeSubdomains: boolean;
}

export interface Settings {
  paused: boolean;
  disabledSites: SiteRule[];
  markStyle: MarkStyle;
  firstMentionOnly: boolean;
  /** Entity types the reader chose not to see marked; empty means all are marked. */
  hiddenTypes: EntityType[];
  factLanguage: FactLanguage;
  theme: Theme;
  cardTrigger: CardTrigger;
  restDelayMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  disabledSites: [],
  markStyle: 'underline',
  firstMentionOnly: false,
  hiddenTypes: [],
  factLanguage: 'auto',
  theme: 'auto',
  cardTrigger: 'rest',
  restDelayMs: REST_DELAY_MS.default,
};

/** Enough for any reader; site rules live one per key in local storage (see stored.ts). */
const MAX_SITES = 100_000;

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

function siteRules(value: unknown): SiteRule[] {
  if (!Array.isArray(value)) return [];
  const rules: SiteRule[] = [];
  for (const item of value.slice(0, MAX_SITES)) {
    const rule = item as Partial<SiteRule> | null;
    if (rule && typeof rule.host === 'string' && rule.host.length > 0 && rule.host.length <= 253) {
      rules.push({ host: rule.host, includeSubdomains: rule.includeSubdomains === true });
    }
  }
  return rules;
}

/** Reads any stored value into valid settings, keeping every field (and list item) that is valid. */
export function parseSettings(raw: unknown): Settings {
  const input = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    paused: typeof input.paused === 'boolean' ? input.paused : d.paused,
    disabledSites: siteRules(input.disabledSites),
    markStyle: oneOf(MARK_STYLES, input.markStyle, d.markStyle),
    firstMentionOnly:
      typeof input.firstMentionOnly === 'boolean' ? input.firstMentionOnly : d.firstMentionOnly,
    hiddenTypes: Array.isArray(input.hiddenTypes)
      ? input.hiddenTypes.filter((t): t is EntityType => ENTITY_TYPES.includes(t as EntityType))
      : d.hiddenTypes,
    factLanguage: oneOf(FACT_LANGUAGES, input.factLanguage, d.factLanguage),
    theme: oneOf(THEMES, input.theme, d.theme),
    cardTrigger: oneOf(CARD_TRIGGERS, input.cardTrigger, d.cardTrigger),
    restDelayMs:
      typeof input.restDelayMs === 'number' && Number.isFinite(input.restDelayMs)
        ? Math.round(Math.min(REST_DELAY_MS.max, Math.max(REST_DELAY_MS.min, input.restDelayMs)))
        : d.restDelayMs,
  };
}
