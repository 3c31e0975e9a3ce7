import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createBlockSizer } from './block-size';

function textNamed(body: string, word: string): Text {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  const walker = document.createTreeWalker(document.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if ((n as Text).data.includes(word)) return n as Text;
  throw new Error(`no text with ${word}`);
}

describe('block sizer', () => {
  const sizer = () => createBlockSizer(1_000);
  const filler = (n: number) => 'lorem ipsum '.repeat(Math.ceil(n / 12)).slice(0, n);

  it('finds a long text node, and a block made long by many short inline pieces', () => {
    expect(sizer().inLargeBlock(textNamed(`<p>${filler(1_200)} Qwen</p>`, 'Qwen'))).toBe(true);
    const pieces = Array.from(
      { length: 30 },
      () => `<span>${filler(20)}</span> <a href="#">${filler(20)}</a>`,
    );
    const node = textNamed(`<p>${pieces.join('')}<b><i>Qwen</i></b></p>`, 'Qwen');
    expect(sizer().inLargeBlock(node)).toBe(true);
  });

  it('leaves ordinary paragraphs, and counts nested blocks apart from the text around them', () => {
    expect(sizer().inLargeBlock(textNamed(`<p>${filler(300)} <em>Qwen</em></p>`, 'Qwen'))).toBe(false);
    // 20 paragraphs of 300 characters in one article: each is its own block, and so is the article.
    const article = `<article>Qwen, in short. ${Array.from({ length: 20 }, () => `<p>${filler(300)} DeepSeek</p>`).join('')}</article>`;
    const s = sizer();
    expect(s.inLargeBlock(textNamed(article, 'Qwen'))).toBe(false);
    expect(s.inLargeBlock(textNamed(article, 'DeepSeek'))).toBe(false);
    // A custom element ends the block its text is measured in.
    expect(
      s.inLargeBlock(textNamed(`<story-body><p>${filler(600)}</p>${filler(600)} Qwen</story-body>`, 'Qwen')),
    ).toBe(false);
  });

  it('measures each state of the page: a fresh sizer sees the block grown', () => {
    const node = textNamed(`<p><span>Qwen</span> ${filler(500)}</p>`, 'Qwen');
    const s = sizer();
    expect(s.inLargeBlock(node)).toBe(false);
    node.parentElement!.parentElement!.append(filler(600));
    expect(s.inLargeBlock(node)).toBe(false);
    expect(sizer().inLargeBlock(node)).toBe(true);
  });
});
