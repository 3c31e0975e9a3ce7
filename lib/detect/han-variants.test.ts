import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { createDetector } from './detector';
import { hanFoldMap, hanVariantPairs } from './han-variants';
import { loadOwnSentences } from './labelled/load';
import { realTable } from './testing/tables';

describe('hanVariantPairs', () => {
  const variants: Record<string, string[]> = { 义: ['義'], 问: ['問'], 升: ['昇', '陞'], 发: ['發', '髮'] };
  const of = (s: string) => variants[s] ?? [];

  it('folds the variants of the characters the patterns use, and only those', () => {
    const map = hanFoldMap(hanVariantPairs(['通义千问', '发布'], of));
    expect(String.fromCharCode(map.get('義'.charCodeAt(0))!)).toBe('义');
    expect(String.fromCharCode(map.get('髮'.charCodeAt(0))!)).toBe('发');
    // 升 is in no pattern: 昇 (in 昇腾, a simplified alias) is left alone.
    expect(map.has('昇'.charCodeAt(0))).toBe(false);
  });

  it('folds an alias written in traditional characters onto the simplified one', () => {
    const map = hanFoldMap(hanVariantPairs(['通义千问', '通義千問'], of));
    expect(map.get('問'.charCodeAt(0))).toBe('问'.charCodeAt(0));
  });
});

describe('traditional Chinese pages', () => {
  const { detect } = createDetector(realTable());
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const entities = (text: string) => [...new Set(detect(text).map((m) => m.entity))].sort();
  const chinese = loadOwnSentences().filter((s) => /[\u4e00-\u9fff]{2}/.test(s.text));

  it('finds in Taiwan and Hong Kong script what it finds in simplified script', () => {
    expect(chinese.length).toBeGreaterThanOrEqual(100);
    const differ: string[] = [];
    for (const { text } of chinese) {
      const want = entities(text);
      for (const converted of [toTraditional(text), toHongKong(text)]) {
        if (converted.length !== text.length) continue; // one code unit each way, as the fold
        const got = entities(converted);
        if (got.join() !== want.join()) differ.push(`${converted}: ${got} ≠ ${want}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('keeps offsets: the mention is the traditional text as written', () => {
    const text = '華為昇騰910B與騰訊混元';
    expect(detect(text).map((m) => `${m.entity}:${m.text}`)).toEqual([
      'huawei:華為',
      'ascend:昇騰910B',
      'tencent:騰訊',
      'hunyuan:混元',
    ]);
  });
});
