import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './schema';
import { isActiveOn, normalizeHost, setSiteEnabled, siteHostOf } from './site-rules';

describe('site rules', () => {
  it('normalises hosts the way people name sites', () => {
    expect(normalizeHost(' WWW.Example.COM. ')).toBe('example.com');
    expect(siteHostOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(siteHostOf('chrome-extension://abc/popup.html')).toBeNull();
    expect(siteHostOf('not a url')).toBeNull();
  });

  it('switches a site off and on again', () => {
    const off = setSiteEnabled(DEFAULT_SETTINGS, 'news.example.com', false);
    expect(isActiveOn(off, 'news.example.com')).toBe(false);
    expect(isActiveOn(off, 'other.example.com')).toBe(true);
    expect(isActiveOn(setSiteEnabled(off, 'news.example.com', true), 'news.example.com')).toBe(true);
  });

  it('covers subdomains only when asked', () => {
    const exact = setSiteEnabled(DEFAULT_SETTINGS, 'example.com', false);
    expect(isActiveOn(exact, 'a.example.com')).toBe(true);
    const wide = setSiteEnabled(DEFAULT_SETTINGS, 'example.com', false, true);
    expect(isActiveOn(wide, 'a.b.example.com')).toBe(false);
    expect(isActiveOn(wide, 'notexample.com')).toBe(true);
    // Switching a subdomain back on lifts the rule that covered it.
    expect(isActiveOn(setSiteEnabled(wide, 'a.example.com', true), 'a.example.com')).toBe(true);
  });

  it('pausing switches every site off', () => {
    expect(isActiveOn({ ...DEFAULT_SETTINGS, paused: true }, 'example.com')).toBe(false);
    expect(isActiveOn(DEFAULT_SETTINGS, null)).toBe(false);
  });
});

describe('settings parsing', () => {
  it('keeps valid fields and repairs invalid ones', () => {
    const s = parseSettings({
      paused: 'yes',
      markStyle: 'background',
      hiddenTypes: ['person', 'nope'],
      disabledSites: [{ host: 'a.com', includeSubdomains: true }, { host: 42 }, null],
    });
    expect(s.paused).toBe(false);
    expect(s.markStyle).toBe('background');
    expect(s.hiddenTypes).toEqual(['person']);
    expect(s.disabledSites).toEqual([{ host: 'a.com', includeSubdomains: true }]);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
