import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { quoteOf, sentenceAround } from './quote';

describe('sentenceAround', () => {
  it('takes the sentence holding the mention, not its neighbours', () => {
    const text = 'Intro here. Alibaba released Qwen2.5 last year. Then more.';
    const at = text.indexOf('Qwen');
    expect(sentenceAround(text, at, at + 4)).toBe('Alibaba released Qwen2.5 last year.');
  });
  it('does not split at a version number or a decimal', () => {
    const text = 'It scored 85.3 on MMLU with Qwen1.5 in 2024. Next.';
    const at = text.indexOf('MMLU');
    expect(sentenceAround(text, at, at + 4)).toBe('It scored 85.3 on MMLU with Qwen1.5 in 2024.');
  });
  it('splits Chinese at full-width stops', () => {
    const text = '前一句。华为发布了昇腾910B芯片！后一句。';
    const at = text.indexOf('昇腾');
    expect(sentenceAround(text, at, at + 2)).toBe('华为发布了昇腾910B芯片！');
  });
  it('bounds a long sentence and keeps the mention inside it', () => {
    const text = `${'word '.repeat(300)}DeepSeek ${'more '.repeat(300)}`;
    const at = text.indexOf('DeepSeek');
    const quote = sentenceAround(text, at, at + 8, 100);
    expect(quote.length).toBeLessThanOrEqual(100);
    expect(quote).toContain('DeepSeek');
    expect(quote.startsWith('…')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
  });
});

describe('quoteOf', () => {
  it('reads the sentence across inline elements of the block, as text only', () => {
    const { document } = parseHTML(
      '<p>First one. The <a href="/x">Kimi</a> app, by <b>Moonshot AI</b>, grew fast. Last.</p>',
    );
    const b = document.querySelector('b')!.firstChild as unknown as Text;
    expect(quoteOf(b, 0, 9)).toBe('The Kimi app, by Moonshot AI, grew fast.');
  });
  it('never returns markup', () => {
    const { document } = parseHTML('<p>See <i>&lt;script&gt;</i> and Qwen now.</p>');
    const text = document.querySelector('p')!.lastChild as unknown as Text;
    const at = text.data.indexOf('Qwen');
    expect(quoteOf(text, at, at + 4)).toBe('See <script> and Qwen now.');
  });
});
