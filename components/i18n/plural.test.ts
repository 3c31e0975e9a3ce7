import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { allStrings } from './all-strings';
import { tn } from './index';

function speak(lang: 'en' | 'zh') {
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(lang === 'zh' ? 'zh-CN' : 'en-US');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string, subs?: string | (string | number)[]) => {
      const list = (Array.isArray(subs) ? subs : subs === undefined ? [] : [subs]).map(String);
      const text = allStrings[name]?.[lang] ?? '';
      return text.replace(/\$(\d)/g, (_, i: string) => list[Number(i) - 1] ?? '');
    },
  );
}

afterEach(() => vi.restoreAllMocks());

describe('counts', () => {
  it('says "1 mention" and "2 mentions" in English, one form in Chinese', () => {
    speak('en');
    expect(tn('mentionsCount', 1)).toBe('1 mention');
    expect(tn('mentionsCount', 2)).toBe('2 mentions');
    expect(tn('pinsCount', 1, 1)).toBe('1 of 1 pin');
    expect(tn('pinsDeleted', 3)).toBe('3 pins deleted.');
    speak('zh');
    expect(tn('mentionsCount', 1)).toBe('1 处提及');
    expect(tn('entriesCount', 5)).toBe('5 个条目');
  });

  it('has both forms, in both languages, for every counted message', () => {
    const keys = Object.keys(allStrings);
    for (const key of keys.filter((k) => k.endsWith('_one'))) {
      const other = `${key.slice(0, -4)}_other`;
      expect(keys, key).toContain(other);
      for (const k of [key, other]) {
        expect(allStrings[k]!.en, k).toContain('$1');
        expect(allStrings[k]!.zh, k).toContain('$1');
      }
    }
  });
});
