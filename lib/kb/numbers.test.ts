import { describe, expect, it } from 'vitest';
import {
  createNumberSet,
  extractNumbers,
  isQuantity,
  type NumberMention,
  parseChineseNumeral,
} from './numbers';

const values = (mentions: NumberMention[]) => mentions.map((m) => `${m.kind}:${m.value}`);

describe('parseChineseNumeral', () => {
  it('reads the numerals the article uses', () => {
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('四')).toBe(4);
    expect(parseChineseNumeral('十七')).toBe(17);
    expect(parseChineseNumeral('二十')).toBe(20);
    expect(parseChineseNumeral('两')).toBe(2);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('三万')).toBe(30_000);
    expect(parseChineseNumeral('十二万')).toBe(120_000);
  });

  it('rejects what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeUndefined();
    expect(parseChineseNumeral('二三')).toBeUndefined();
    expect(parseChineseNumeral('十个')).toBeUndefined();
  });
});

describe('extractNumbers', () => {
  it('scales 亿 and 万 to base units', () => {
    expect(values(extractNumbers('百度投资42亿元人民币(约5.892亿美元)'))).toEqual([
      'number:4200000000',
      'number:589200000',
    ]);
    expect(values(extractNumbers('处理多达200万汉字,最大的模型拥有720亿参数'))).toEqual([
      'number:2000000',
      'number:72000000000',
    ]);
  });

  it('scales English billions and millions to the same values', () => {
    expect(values(extractNumbers('CNY 4.2 billion (about $589.2 million) and 2 million characters'))).toEqual(
      ['number:4200000000', 'number:589200000', 'number:2000000'],
    );
    expect(values(extractNumbers('a 7B model, 72bn parameters'))).toEqual([
      'number:7000000000',
      'number:72000000000',
    ]);
  });

  it('reads thousands separators and decimals', () => {
    expect(values(extractNumbers('about 12,450 papers against 12,030; 1.5 times'))).toEqual([
      'number:12450',
      'number:12030',
      'number:1.5',
    ]);
  });

  it('keeps percentages apart from plain numbers', () => {
    expect(values(extractNumbers('占比15.6%,而美国19.2 %'))).toEqual(['percent:15.6', 'percent:19.2']);
    expect(values(extractNumbers('47% of researchers, up from 29 percent'))).toEqual([
      'percent:47',
      'percent:29',
    ]);
  });

  it('reads years and year-months in both languages', () => {
    expect(values(extractNumbers('截至2024年3月,自2017年以来'))).toEqual(['month:202403', 'year:2017']);
    expect(values(extractNumbers('By March 2024, and since Oct. 2022, unlike 2019'))).toEqual([
      'month:202403',
      'month:202210',
      'year:2019',
    ]);
    expect(values(extractNumbers('2024年上半年'))).toEqual(['year:2024']);
  });

  it('skips digits that belong to names and codes', () => {
    expect(
      values(extractNumbers('GPT-4, GPT-3.5, A100, Yi-34B, F1, Ascend 9XX, 01.AI and ChatGLM3')),
    ).toEqual([]);
    // Spaced versions are only known as names when the name is given.
    expect(values(extractNumbers('Qwen 1.5 and Llama 2', { names: ['Qwen', 'Llama'] }))).toEqual([]);
    expect(values(extractNumbers('Qwen 1.5 and Llama 2'))).toEqual(['number:1.5', 'number:2']);
  });

  it('does not take an amount or a year after a name for its version', () => {
    expect(values(extractNumbers('Kimi 2 million characters', { names: ['Kimi'] }))).toEqual([
      'number:2000000',
    ]);
    expect(values(extractNumbers('Meta 2023', { names: ['Meta'] }))).toEqual(['year:2023']);
  });

  it('reads Chinese numerals only as counts and ranks, and only when asked', () => {
    const text = '前十名中,中国仅占一席,美国占据一半,包括前五名中的四席;第二;一些公司;统一';
    expect(values(extractNumbers(text))).toEqual([]);
    expect(values(extractNumbers(text, { chineseNumerals: true }))).toEqual([
      'number:10',
      'number:1',
      'number:0.5',
      'percent:50',
      'number:5',
      'number:4',
      'number:2',
    ]);
  });

  it('reads 成 as tenths and 翻倍 as two', () => {
    expect(values(extractNumbers('三成;价格翻倍', { chineseNumerals: true }))).toEqual([
      'percent:30',
      'number:2',
    ]);
  });

  it('reports where each number was read', () => {
    const [m] = extractNumbers('共815起');
    expect(m).toMatchObject({ raw: '815', index: 1, from: 'digits' });
  });
});

describe('isQuantity', () => {
  it('counts digits and percentages but not dates or numerals', () => {
    const found = extractNumbers('2023年中国发表了12,450篇论文,占47%,前十', { chineseNumerals: true });
    expect(found.filter(isQuantity).map((m) => m.raw)).toEqual(['12,450', '47%']);
  });
});

describe('createNumberSet', () => {
  const article = createNumberSet(
    extractNumbers('截至2024年3月,百度投资42亿元(约5.892亿美元);2024世界人工智能法治蓝皮书;占47%', {
      chineseNumerals: true,
    }),
  );

  it('finds the same value written in the other language', () => {
    for (const m of extractNumbers('CNY 4.2 billion, $589.2 million, March 2024, 47%')) {
      expect(article.has(m), m.raw).toBe(true);
    }
  });

  it('finds the year and the month of a year-month', () => {
    expect(article.has({ kind: 'year', value: 2024 })).toBe(true);
    expect(article.has({ kind: 'month', value: 3 })).toBe(true);
  });

  it('does not confuse kinds or near values', () => {
    expect(article.has({ kind: 'number', value: 47 })).toBe(false);
    expect(article.has({ kind: 'percent', value: 42 })).toBe(false);
    expect(article.has({ kind: 'number', value: 4_300_000_000 })).toBe(false);
    expect(article.has({ kind: 'month', value: 202404 })).toBe(false);
    expect(article.has({ kind: 'year', value: 2023 })).toBe(false);
  });
});
