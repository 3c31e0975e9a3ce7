import { describe, expect, it } from 'vitest';
import { cjkShare, markdownParagraphs, sentencePool, splitSentences } from './sentences';

describe('markdownParagraphs', () => {
  it('keeps prose and drops code, tables, HTML, headings and link targets', () => {
    const md = [
      '# Title',
      '',
      '<p align="center"><img src="x.png"></p>',
      '',
      'See the [model card](https://example.com/card) for **details**.',
      'It runs on `cuda`.',
      '',
      '```python',
      'print("not prose")',
      '```',
      '',
      '| a | b |',
      '|---|---|',
      '',
      '- a listed item',
    ].join('\n');
    expect(markdownParagraphs(md)).toEqual([
      'See the model card for details. It runs on cuda.',
      'a listed item',
    ]);
  });
});

describe('splitSentences', () => {
  it('splits Latin and Chinese sentences and keeps their punctuation', () => {
    expect(splitSentences('One model. Two models! 这是第一句。这是第二句？')).toEqual([
      'One model.',
      'Two models!',
      '这是第一句。',
      '这是第二句？',
    ]);
  });

  it('does not split inside version numbers', () => {
    expect(splitSentences('Qwen 1.5 is out. Next.')).toEqual(['Qwen 1.5 is out.', 'Next.']);
  });
});

describe('sentencePool', () => {
  it('sorts sentences by language and drops code-like and duplicate ones', () => {
    const pool = sentencePool([
      'The model was trained on a large corpus of text. The model was trained on a large corpus of text.\n\n' +
        '模型在大规模语料上完成了训练。\n\nRun pip install -r requirements.txt --upgrade={x}.',
    ]);
    expect(pool.en).toEqual(['The model was trained on a large corpus of text.']);
    expect(pool.zh).toEqual(['模型在大规模语料上完成了训练。']);
  });

  it('measures the share of Chinese characters', () => {
    expect(cjkShare('abc')).toBe(0);
    expect(cjkShare('中文')).toBe(1);
    expect(cjkShare('AI 模型')).toBeCloseTo(0.5);
  });
});
