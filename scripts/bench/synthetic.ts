// Deterministic synthetic pages: a ~5 MB bilingual news-style article and a page of many short
// paragraphs. Sentences come from a pool read at run time; entity mentions are woven in at about
// the density of a news story about AI (roughly one every 300 characters).
import type { SentencePool } from './sentences';

/** A small seeded PRNG (mulberry32), so every run builds byte-identical pages. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Our own sentence frames for mentions; `@` is replaced by an alias.
const EN_FRAMES = [
  '@ declined to comment on the figures.',
  'Analysts compared the results with those of @.',
  'A spokesperson for @ said more details would follow.',
  'Engineers at @ have not published a full report.',
  'The comparison with @ drew attention at the conference.',
  'Investors are watching @ closely this quarter.',
];
const ZH_FRAMES = [
  '@方面对此未予置评。',
  '分析人士将这一结果与@进行了比较。',
  '@表示将继续加大研发投入。',
  '据知情人士透露，@尚未公布完整报告。',
  '业内人士认为，@的进展值得关注。',
  '@的相关负责人在发布会上回应了提问。',
];
const FALLBACK_EN = [
  'The new model was trained on a larger corpus than its predecessor.',
  'Researchers reported gains on reading comprehension and coding tasks.',
  'Export controls continue to shape which accelerators labs can buy.',
  'Several teams released open weights under permissive licences.',
  'Benchmarks remain a contested measure of real-world usefulness.',
];
const FALLBACK_ZH = [
  '新模型使用了比上一代更大的训练语料。',
  '研究人员报告其在阅读理解和代码任务上有所提升。',
  '出口管制继续影响实验室能够采购的加速芯片。',
  '多个团队以宽松的许可证发布了开放权重。',
  '基准测试能否反映真实使用价值仍有争议。',
];

function poolOrFallback(pool: SentencePool): SentencePool {
  return {
    en: pool.en.length ? pool.en : FALLBACK_EN,
    zh: pool.zh.length ? pool.zh : FALLBACK_ZH,
  };
}

interface Writer {
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  int(min: number, max: number): number;
}

function writer(seed: number): Writer {
  const random = seededRandom(seed);
  return {
    pick: (list) => list[Math.floor(random() * list.length)]!,
    chance: (p) => random() < p,
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
  };
}

/**
 * A mention sentence: the alias sometimes wrapped in a link or bold, as news sites do (`plain`:
 * never, for text that must stay one node).
 */
function mentionSentence(w: Writer, zh: boolean, aliases: readonly string[], plain = false): string {
  const frame = w.pick(zh ? ZH_FRAMES : EN_FRAMES);
  const alias = escapeHtml(w.pick(aliases));
  const roll = plain ? 9 : w.int(0, 9);
  const wrapped =
    roll === 0
      ? `<a href="#ref-${w.int(1, 999)}">${alias}</a>`
      : roll === 1
        ? `<strong>${alias}</strong>`
        : alias;
  return escapeHtml(frame).replace('@', wrapped);
}

function paragraph(w: Writer, pool: SentencePool, aliases: readonly string[], plain = false): string {
  const zh = w.chance(0.5);
  const source = zh ? pool.zh : pool.en;
  const parts: string[] = [];
  const count = w.int(3, 7);
  for (let i = 0; i < count; i++) parts.push(escapeHtml(w.pick(source)));
  if (aliases.length) {
    const mentions = w.int(1, 2);
    for (let i = 0; i < mentions; i++)
      parts.splice(w.int(0, parts.length), 0, mentionSentence(w, zh, aliases, plain));
  }
  return parts.join(zh ? '' : ' ');
}

function pageHtml(title: string, lang: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:760px;margin:32px auto;padding:0 16px;color:#222}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A long article of mixed English and Chinese paragraphs, grown until it reaches `targetBytes`. */
export function articlePage(
  pool: SentencePool,
  aliases: readonly string[],
  targetBytes = 5_000_000,
  seed = 20240601,
): string {
  const w = writer(seed);
  const source = poolOrFallback(pool);
  const chunks: string[] = ['<article>', '<h1>AI labs race on models, chips and talent</h1>'];
  let bytes = 0;
  for (let n = 0; bytes < targetBytes; n++) {
    let html: string;
    if (n % 12 === 0)
      html = `<h2>${escapeHtml(w.pick(w.chance(0.5) ? source.zh : source.en).slice(0, 60))}</h2>`;
    else if (n % 29 === 0) html = `<blockquote><p>${paragraph(w, source, aliases)}</p></blockquote>`;
    else if (n % 17 === 0) {
      const items = Array.from({ length: w.int(3, 5) }, () => `<li>${escapeHtml(w.pick(source.en))}</li>`);
      html = `<ul>${items.join('')}</ul>`;
    } else html = `<p>${paragraph(w, source, aliases)}</p>`;
    chunks.push(html);
    bytes += Buffer.byteLength(html) + 1;
  }
  chunks.push('</article>');
  return pageHtml('Synthetic bilingual article', 'en', chunks.join('\n'));
}

/** `count` short paragraphs (a feed, a comment thread); about one in eight mentions an entity. */
export function shortParagraphsPage(
  pool: SentencePool,
  aliases: readonly string[],
  count = 20_000,
  seed = 7,
): string {
  const w = writer(seed);
  const source = poolOrFallback(pool);
  const chunks: string[] = [];
  for (let i = 0; i < count; i++) {
    const zh = w.chance(0.3);
    let text = w.pick(zh ? source.zh : source.en);
    // Cut at a word (or, in Chinese, any character) to keep each paragraph short.
    const max = zh ? 30 : 80;
    if (text.length > max) {
      const cut = zh ? max : text.lastIndexOf(' ', max);
      text = text.slice(0, cut > 0 ? cut : max);
    }
    chunks.push(
      aliases.length && i % 8 === 0
        ? `<p>${mentionSentence(w, zh, aliases)}</p>`
        : `<p>${escapeHtml(text)}</p>`,
    );
  }
  return pageHtml('Synthetic short paragraphs', 'en', chunks.join('\n'));
}

/**
 * One text node of `targetChars` characters: the article's paragraphs run together in a single
 * <p> (a log, a transcript, a page that never broke its text up), the case a scanner must split
 * across tasks itself.
 */
export function oneTextNodePage(
  pool: SentencePool,
  aliases: readonly string[],
  targetChars = 1_000_000,
  seed = 13,
): string {
  const w = writer(seed);
  const source = poolOrFallback(pool);
  const parts: string[] = [];
  // The page's text is the unescaped length: entities count as the one character they stand for.
  const textLength = (html: string) => html.replace(/&(?:amp|lt|gt|quot);/g, '_').length;
  for (let chars = 0; chars < targetChars; ) {
    const text = paragraph(w, source, aliases, true);
    parts.push(text);
    chars += textLength(text) + 1;
  }
  return pageHtml('Synthetic single text node', 'en', `<p>${parts.join(' ')}</p>`);
}

/**
 * An ordinary short article that names nothing Factlens knows: what most pages a reader opens
 * are. `quiet` says whether a text qualifies (the detector finds nothing in it); it is asked about
 * each sentence and about the whole text with each new paragraph, since evidence carries across.
 */
export function quietPage(
  pool: SentencePool,
  quiet: (text: string) => boolean,
  targetBytes = 8_000,
  seed = 11,
): string {
  const w = writer(seed);
  const source = poolOrFallback(pool);
  const en = source.en.filter(quiet);
  const zh = source.zh.filter(quiet);
  const chunks: string[] = ['<article>', '<h1>Notes from the week</h1>'];
  let text = '';
  let bytes = 0;
  for (let n = 0, tries = 0; bytes < targetBytes && (en.length || zh.length) && tries < 1000; n++, tries++) {
    const list = n % 3 === 2 && zh.length ? zh : en.length ? en : zh;
    const parts = Array.from({ length: w.int(3, 5) }, () => w.pick(list));
    const paragraph = parts.join(list === zh ? '' : ' ');
    if (!quiet(`${text}\n${paragraph}`)) continue;
    text += `\n${paragraph}`;
    const html = `<p>${escapeHtml(paragraph)}</p>`;
    chunks.push(html);
    bytes += Buffer.byteLength(html) + 1;
  }
  chunks.push('</article>');
  return pageHtml('Notes from the week', 'en', chunks.join('\n'));
}
