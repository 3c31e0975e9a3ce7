// Turns Markdown (the shared README corpus) into plain prose sentences, sorted by language, to
// fill synthetic pages with realistic text at run time. Nothing read here is written to the repo.

export interface SentencePool {
  en: string[];
  zh: string[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;

export function cjkShare(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const letters = text.replace(/[\s\p{P}\p{S}\d]/gu, '').length;
  return letters === 0 ? 0 : cjk / letters;
}

/** Markdown → prose paragraphs: no code, tables, HTML, link targets or emphasis markers. */
export function markdownParagraphs(markdown: string): string[] {
  const text = markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^(```|~~~)[\s\S]*?^\1.*$/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/&nbsp;?/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' ').replace(/\s+/g, ' ').trim());
    current = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    // Tables, headings, quotes-as-callouts, indented code and rules are not prose.
    if (!line || /^(\||#|>\s*\[!|-{3,}|={3,}|\*{3,})/.test(line) || /^ {4}|\t/.test(raw)) {
      flush();
      continue;
    }
    current.push(line.replace(/^(>\s*)+/, '').replace(/^([-*+]|\d+\.)\s+/, ''));
  }
  flush();
  return paragraphs.map((p) => p.replace(/(\*\*|__|\*|_)(\S[^*_]*?\S|\S)\1/g, '$2')).filter(Boolean);
}

/** Splits prose into sentences, keeping the closing punctuation (Latin or CJK). */
export function splitSentences(paragraph: string): string[] {
  // Lazily up to a Latin stop followed by a space (so '1.5' stays whole) or any CJK stop.
  return (paragraph.match(/.+?(?:[.!?]+(?=\s|$)|[。！？]+|$)/gs) ?? []).map((s) => s.trim()).filter(Boolean);
}

function looksLikeProse(sentence: string): boolean {
  // A Chinese character carries about as much as a short English word.
  const min = cjkShare(sentence) > 0.5 ? 8 : 16;
  if (sentence.length < min || sentence.length > 320) return false;
  if (/https?:|www\.|\.(py|sh|json|md)\b|[{}=<>|\\]/.test(sentence)) return false;
  const words = sentence.replace(/[\p{P}\p{S}\d\s]/gu, '').length;
  return words / sentence.length > 0.55;
}

export function sentencePool(markdownFiles: readonly string[]): SentencePool {
  const pool: SentencePool = { en: [], zh: [] };
  const seen = new Set<string>();
  for (const md of markdownFiles) {
    for (const paragraph of markdownParagraphs(md)) {
      for (const s of splitSentences(paragraph)) {
        if (!looksLikeProse(s) || seen.has(s)) continue;
        seen.add(s);
        const share = cjkShare(s);
        if (share > 0.5) pool.zh.push(s);
        else if (share === 0) pool.en.push(s);
      }
    }
  }
  return pool;
}
