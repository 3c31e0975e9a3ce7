// Per-site on/off rules by hostname. A rule may cover the host's subdomains too.
import type { Settings, SiteRule } from './schema';

/** Lower-cases and strips a trailing dot and a leading "www." so rules match how people think of a site. */
export function normalizeHost(host: string): string {
  // String tests, not regular expressions: this runs on every page, where compiling one costs more
  // than the whole check.
  let h = host.trim().toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h.startsWith('www.') ? h.slice(4) : h;
}

/** The host of a page URL that Factlens can run on, or null (extension pages, file://, about:). */
export function siteHostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return normalizeHost(u.hostname) || null;
  } catch {
    return null;
  }
}

export function ruleMatches(rule: SiteRule, host: string): boolean {
  const h = normalizeHost(host);
  const r = normalizeHost(rule.host);
  return h === r || (rule.includeSubdomains && h.endsWith(`.${r}`));
}

export function findSiteRule(settings: Settings, host: string): SiteRule | undefined {
  return settings.disabledSites.find((rule) => ruleMatches(rule, host));
}

/** Whether marks should show on this host: not paused and no rule switches the site off. */
export function isActiveOn(settings: Settings, host: string | null): boolean {
  return host !== null && !settings.paused && findSiteRule(settings, host) === undefined;
}

/** Switches a site on or off; switching on removes every rule that covers the host. */
export function setSiteEnabled(
  settings: Settings,
  host: string,
  enabled: boolean,
  includeSubdomains = false,
): Settings {
  const h = normalizeHost(host);
  const others = settings.disabledSites.filter((rule) => !ruleMatches(rule, h));
  const disabledSites = enabled ? others : [...others, { host: h, includeSubdomains }];
  return { ...settings, disabledSites };
}
