import { describe, expect, it } from 'vitest';
import { currentJson, storedUser } from './detector-cache';

describe('detector cache', () => {
  it('returns the JSON of a copy made by the same build only', () => {
    expect(currentJson({ build: 'abc', json: '{"v":1}' }, 'abc')).toBe('{"v":1}');
    expect(currentJson({ build: 'old', json: '{"v":1}' }, 'abc')).toBeNull();
  });

  it('ignores whatever else storage holds under the key', () => {
    for (const stored of [undefined, null, 42, 'text', [], { build: 'abc' }, { build: 'abc', json: 7 }]) {
      expect(currentJson(stored, 'abc')).toBeNull();
    }
  });
});

describe('stored user digest', () => {
  it('tells a copy with the reader entries from a bare one, for this build only', () => {
    expect(storedUser({ build: 'abc', json: '{}', user: '3-x' }, 'abc')).toBe('3-x');
    expect(storedUser({ build: 'abc', json: '{}' }, 'abc')).toBe('');
    expect(storedUser({ build: 'old', json: '{}', user: '3-x' }, 'abc')).toBeNull();
    expect(storedUser(undefined, 'abc')).toBeNull();
  });
});
