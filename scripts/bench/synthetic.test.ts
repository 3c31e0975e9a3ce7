import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articlePage, oneTextNodePage, quietPage, seededRandom, shortParagraphsPage } from './synthetic';

const pool = {
  en: ['Researchers released a new model this week.', 'The results were mixed on coding tasks.'],
  zh: ['研究人员本周发布了新模型。', '代码任务上的结果喜忧参半。'],
};
const aliases = ['Qwen', '通义千问', 'R&D <Lab>'];

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('articlePage', () => {
  const html = articlePage(pool, aliases, 200_000);

  it('is deterministic and about the requested size', () => {
    expect(articlePage(pool, aliases, 200_000)).toBe(html);
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeGreaterThanOrEqual(200_000);
    expect(bytes).toBeLessThan(215_000);
  });

  it('mixes both languages and mentions every so often', () => {
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('研究人员');
    expect(text).toContain('Researchers');
    const mentions = (text.match(/Qwen|通义千问|R&amp;D &lt;Lab&gt;/g) ?? []).length;
    // About one mention per paragraph of 3–7 sentences: between 1 per 100 and 1 per 1,000 chars.
    expect(mentions).toBeGreaterThan(text.length / 1000);
    expect(mentions).toBeLessThan(text.length / 100);
  });

  it('escapes the text it inserts', () => {
    expect(html).not.toContain('<Lab>');
  });

  it('falls back to built-in text without a pool', () => {
    expect(articlePage({ en: [], zh: [] }, [], 10_000)).toMatch(/<p>[^<]{20,}/);
  });
});

describe('shortParagraphsPage', () => {
  it('has the requested number of short paragraphs', () => {
    const html = shortParagraphsPage(pool, aliases, 500);
    const paragraphs = html.match(/<p>.*?<\/p>/g) ?? [];
    expect(paragraphs).toHaveLength(500);
    const lengths = paragraphs.map((p) => p.replace(/<[^>]+>/g, '').length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(80);
    expect(shortParagraphsPage(pool, aliases, 500)).toBe(html);
  });
});

describe('oneTextNodePage', () => {
  it('puts the requested number of characters, mentions included, in one text node', () => {
    const html = oneTextNodePage(pool, aliases, 50_000);
    expect(oneTextNodePage(pool, aliases, 50_000)).toBe(html);
    const { document } = parseHTML(html);
    // Only text inside one paragraph (linkedom splits text at character references; a browser
    // parses it as one node).
    expect(document.body.querySelectorAll('*')).toHaveLength(1);
    const p = document.querySelector('p')!;
    expect([...p.childNodes].every((n) => n.nodeType === 3)).toBe(true);
    const text = p.textContent!;
    expect(text.length).toBeGreaterThanOrEqual(50_000);
    expect(text.length).toBeLessThan(52_000);
    expect(text).toContain('R&D <Lab>');
    expect((text.match(/Qwen|通义千问/g) ?? []).length).toBeGreaterThan(text.length / 1000);
  });
});

describe('quietPage', () => {
  it('uses only the sentences it is given as quiet, in both languages', () => {
    const html = quietPage(pool, (s) => !s.includes('model') && !s.includes('模型'), 2_000);
    expect(html).toContain('The results were mixed on coding tasks.');
    expect(html).toContain('代码任务上的结果喜忧参半。');
    expect(html).not.toContain('model this week');
    expect(html).not.toContain('新模型');
    expect(Buffer.byteLength(html)).toBeGreaterThan(2_000);
  });
});
