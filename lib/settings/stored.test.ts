import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './schema';
import { rulesFromEntries, settingsFromStorage, siteChanges, siteKeysFor, writeErrorOf } from './stored';

describe('stored settings', () => {
  it('reads the keys of a host and its parent domains', () => {
    expect(siteKeysFor('WWW.News.Example.com')).toEqual([
      'site:news.example.com',
      'site:example.com',
      'site:com',
    ]);
  });

  it('reads site keys, ignoring other keys and bad values', () => {
    expect(
      rulesFromEntries({
        'site:b.example': { sub: true },
        'site:a.example': 'x',
        'site:gone.example': undefined,
        pins: [],
        'site:': {},
      }),
    ).toEqual([
      { host: 'a.example', includeSubdomains: false },
      { host: 'b.example', includeSubdomains: true },
    ]);
  });

  it('merges an old synced list with local keys, local first', () => {
    const synced = {
      ...DEFAULT_SETTINGS,
      disabledSites: [
        { host: 'a.example', includeSubdomains: true },
        { host: 'c.example', includeSubdomains: false },
      ],
    };
    const s = settingsFromStorage(synced, { 'site:a.example': { sub: false } });
    expect(s.disabledSites).toEqual([
      { host: 'a.example', includeSubdomains: false },
      { host: 'c.example', includeSubdomains: false },
    ]);
  });

  it('writes only what changed', () => {
    const before = [
      { host: 'a.example', includeSubdomains: false },
      { host: 'b.example', includeSubdomains: false },
    ];
    const after = [
      { host: 'b.example', includeSubdomains: true },
      { host: 'c.example', includeSubdomains: false },
    ];
    expect(siteChanges(before, after)).toEqual({
      set: { 'site:b.example': { sub: true }, 'site:c.example': { sub: false } },
      remove: ['site:a.example'],
    });
  });

  it('tells quota errors from others', () => {
    expect(writeErrorOf(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'))).toBe('quota');
    expect(writeErrorOf(new Error('Extension context invalidated.'))).toBe('unavailable');
  });
});
