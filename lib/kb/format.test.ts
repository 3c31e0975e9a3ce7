import { describe, expect, it } from 'vitest';
import { formatValue } from './format';

describe('formatValue', () => {
  it('writes money in billions or in 亿', () => {
    expect(formatValue(4_200_000_000, 'CNY', 'en')).toBe('CNY 4.2 billion');
    expect(formatValue(4_200_000_000, 'CNY', 'zh')).toBe('42亿元');
    expect(formatValue(589_200_000, 'USD', 'en')).toBe('$589.2 million');
    expect(formatValue(589_200_000, 'USD', 'zh')).toBe('5.892亿美元');
  });

  it('writes counts, percentages, ranks and approximations', () => {
    expect(formatValue(47, '%', 'en')).toBe('47%');
    expect(formatValue(12_450, 'papers', 'en')).toBe('12,450 papers');
    expect(formatValue(2_000_000, 'characters', 'zh')).toBe('200万汉字');
    expect(formatValue(72_000_000_000, 'parameters', 'en')).toBe('72 billion parameters');
    expect(formatValue(2, 'rank', 'zh')).toBe('第2名');
    expect(formatValue(317, 'events', 'zh', true)).toBe('约317起');
  });
});
