// Code the benchmark runs inside pages through CDP Runtime.evaluate (which the pages'
// `script-src 'none'` policy does not block). Each script carries a sourceURL so CPU profiles and
// traces can attribute its time; the work runs in its own setTimeout task, like a real script.

export const FLOOR_URL = 'bench-floor.js';
export const MARKJS_URL = 'bench-markjs.js';
export const MARKJS_RUN_URL = 'bench-markjs-run.js';

export interface FloorResult {
  ms: number;
  nodes: number;
  chars: number;
}

export interface MarkjsResult {
  ms: number;
  marks: number;
  /** Aliases marked before the time budget ran out (all of them, normally). */
  aliasesDone: number;
  aliasesTotal: number;
}

export interface PageInfo {
  /** Characters of readable text (outside script, style, noscript, template, textarea). */
  textChars: number;
  textNodes: number;
  elements: number;
}

const withUrl = (source: string, url: string) => `${source}\n//# sourceURL=${url}\n`;

/** The cost floor: a bare TreeWalker that reads every text node's data and nothing else. */
export const FLOOR_SOURCE = withUrl(
  `new Promise((resolve) => setTimeout(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += node.data.length;
    nodes++;
  }
  resolve({ ms: performance.now() - t0, nodes, chars });
}, 0))`,
  FLOOR_URL,
);

export const PAGE_INFO_SOURCE = `(() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let textChars = 0;
  let textNodes = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skip.has(node.parentElement?.nodeName ?? '')) continue;
    textChars += node.data.length;
    textNodes++;
  }
  return { textChars, textNodes, elements: document.getElementsByTagName('*').length };
})()`;

export const markjsLibrary = (source: string) => withUrl(source, MARKJS_URL);

/** Punctuation that ends a word for mark.js's `accuracy: 'exactly'` (ASCII and CJK). */
export const MARKJS_LIMITERS = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¡¿，。、；：？！（）《》〈〉「」『』【】“”‘’…—',
];
export const MARKJS_EXCLUDE = ['script', 'style', 'noscript', 'textarea', 'code', 'pre'];

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * mark.js has no word boundaries for Chinese (its 'exactly' wants whitespace or a listed limiter
 * around the term), so Latin aliases are marked with 'exactly' and aliases with Chinese characters
 * with 'partially' — what a careful mark.js user would write.
 */
export function splitAliases(aliases: readonly string[]): { latin: string[]; cjk: string[] } {
  const unique = [...new Set(aliases.map((a) => a.trim()).filter(Boolean))];
  return { latin: unique.filter((a) => !CJK.test(a)), cjk: unique.filter((a) => CJK.test(a)) };
}

/** Deterministic shuffle (a seeded LCG), so every run marks the same aliases in the same order. */
function shuffled<T>(items: readonly T[], seed = 12345): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Groups of aliases for mark.js, in a shuffled order. mark.js walks the whole DOM once per term,
 * so its cost grows linearly with the alias count; marking in groups lets a run stop at a time
 * budget with a representative share done, from which the full cost is extrapolated.
 */
export function aliasChunks(aliases: readonly string[], size = 5): { latin: string[]; cjk: string[] }[] {
  const all = shuffled([...new Set(aliases.map((a) => a.trim()).filter(Boolean))]);
  const chunks: { latin: string[]; cjk: string[] }[] = [];
  for (let i = 0; i < all.length; i += size) chunks.push(splitAliases(all.slice(i, i + size)));
  return chunks;
}

/** Marks every alias with mark.js in one task, stopping after the group that crosses `budgetMs`. */
export function markjsRunSource(aliases: readonly string[], budgetMs: number): string {
  const chunks = aliasChunks(aliases);
  const total = chunks.reduce((n, c) => n + c.latin.length + c.cjk.length, 0);
  const args = JSON.stringify({
    chunks,
    total,
    budgetMs,
    limiters: MARKJS_LIMITERS,
    exclude: MARKJS_EXCLUDE,
  });
  return withUrl(
    `((args) => new Promise((resolve) => setTimeout(() => {
  const t0 = performance.now();
  const instance = new Mark(document.body);
  const base = { separateWordSearch: false, diacritics: false, caseSensitive: false, exclude: args.exclude };
  const exactly = { ...base, accuracy: { value: 'exactly', limiters: args.limiters } };
  const partially = { ...base, accuracy: 'partially' };
  let marks = 0;
  let aliasesDone = 0;
  for (const chunk of args.chunks) {
    if (chunk.latin.length) instance.mark(chunk.latin, { ...exactly, done: (n) => { marks += n; } });
    if (chunk.cjk.length) instance.mark(chunk.cjk, { ...partially, done: (n) => { marks += n; } });
    aliasesDone += chunk.latin.length + chunk.cjk.length;
    if (performance.now() - t0 > args.budgetMs) break;
  }
  resolve({ ms: performance.now() - t0, marks, aliasesDone, aliasesTotal: args.total });
}, 0)))(${args})`,
    MARKJS_RUN_URL,
  );
}
