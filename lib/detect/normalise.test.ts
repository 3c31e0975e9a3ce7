import { describe, expect, it } from 'vitest';
import {
  FOLDED_RANGES,
  foldCode,
  isDigit,
  isLetter,
  isSeparator,
  isWordChar,
  SEP,
  WORD_RANGES,
} from './chars';
import { separatorVariants } from './variants';

const fold = (s: string) => [...s].map((c) => String.fromCharCode(foldCode(c.charCodeAt(0)))).join('');

describe('character tables', () => {
  // The automaton fills its classes from these ranges instead of testing 65,536 code units.
  it('WORD_RANGES hold exactly the letters and digits', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 65536; c++) {
      const inRanges = WORD_RANGES.some(([from, to]) => c >= from && c <= to);
      if (inRanges !== (isLetter(c) || isDigit(c))) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('foldCode is the identity outside FOLDED_RANGES', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 65536; c++) {
      if (!FOLDED_RANGES.some(([from, to]) => c >= from && c <= to) && foldCode(c) !== c) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe('foldCode', () => {
  it('folds case and full width, one code unit to one', () => {
    expect(fold('ＱＷＥＮ２ Qwen ｑｗｅｎ')).toBe('qwen2 qwen qwen');
    expect(fold('ÀÉ')).toBe('àé');
  });

  it('makes every separator one code unit', () => {
    for (const c of ['-', '_', ' ', '\u00a0', '\u2010', '\u2013', '\u2014', '\u3000', '－', '＿']) {
      expect(foldCode(c.charCodeAt(0)), c).toBe(SEP);
      expect(isSeparator(c.charCodeAt(0))).toBe(true);
    }
    expect(isSeparator('.'.charCodeAt(0))).toBe(false);
  });

  it('straightens quotes and apostrophes', () => {
    expect(fold('‘’“”')).toBe('\'\'""');
  });

  it('leaves Han text alone and treats it as a word boundary', () => {
    expect(fold('华为昇腾')).toBe('华为昇腾');
    expect(isWordChar('华'.charCodeAt(0))).toBe(false);
    expect(isWordChar('a'.charCodeAt(0))).toBe(true);
    expect(isWordChar('_'.charCodeAt(0))).toBe(true);
  });
});

describe('separatorVariants', () => {
  it('makes separators optional where letters meet digits', () => {
    expect(separatorVariants('Qwen1.5').sort()).toEqual(['Qwen 1.5', 'Qwen1.5']);
    expect(separatorVariants('GPT-4').sort()).toEqual(['GPT-4', 'GPT4']);
    expect(separatorVariants('Yi-34B').sort()).toEqual(['Yi-34B', 'Yi34B']);
  });

  it('keeps separators between words and between numbers', () => {
    expect(separatorVariants('Hugging Face')).toEqual(['Hugging Face']);
    expect(separatorVariants('GLM-4-9B').sort()).toEqual(['GLM-4-9B', 'GLM4-9B']);
  });

  it('never splits short letter runs from their digits', () => {
    expect(separatorVariants('A100')).toEqual(['A100']);
    expect(separatorVariants('GB200')).toEqual(['GB200']);
  });

  it('lets Han text and Latin text meet with or without a space', () => {
    expect(separatorVariants('智谱AI').sort()).toEqual(['智谱 AI', '智谱AI']);
    expect(separatorVariants('昇腾910B').sort()).toEqual(['昇腾 910B', '昇腾910B']);
  });

  it('keeps the alias itself first and bounds the count', () => {
    expect(separatorVariants('Claude 3.5 Sonnet')[0]).toBe('Claude 3.5 Sonnet');
    expect(separatorVariants('a1 b2 c3 d4 e5 f6 g7').length).toBeLessThanOrEqual(32);
  });
});
