// Code the benchmark runs inside pages through CDP Runtime.evaluate (which the pages'
// `script-src 'none'` policy does not block). Each script carries a sourceURL so CPU profiles and
// traces can attribute its time; the work runs in its own setTimeout task, like a real script.

export const FLOOR_URL = 'bench-floor.js';
export const MARKJS_URL = 'bench-markjs.js';
export const MARKJS_RUN_URL = 'bench-markjs-run.js';
export const NAIVE_URL = 'bench-naive.js';
/** The naive highlighter's entry in the page's CSS.highlights registry (removed after each run). */
export const NAIVE_HIGHLIGHT = 'bench-naive';

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

export interface NaiveResult {
  ms: number;
  /** Ranges added to the highlight (every occurrence of every alias, overlaps included). */
  marks: number;
  /** Readable text nodes and characters scanned before the time budget ran out (all, normally). */
  nodesDone: number;
  charsDone: number;
  /** False when the budget cut the pass short. */
  done: boolean;
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

/** Parents whose text the naive highlighter skips, as the floor's page info and mark.js do. */
export const NAIVE_SKIP = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA'];

/** The aliases as the naive highlighter looks for them: trimmed, lower-cased once, each once. */
export function naiveAliases(aliases: readonly string[]): string[] {
  return [...new Set(aliases.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}

/**
 * The naive highlighter, the kind of extension readers install instead: one TreeWalker pass, each
 * readable text node lower-cased once and searched with `indexOf` for every alias in turn, every
 * hit a StaticRange in one CSS.highlights entry. Naive on purpose: no word boundaries (`tal`
 * matches inside "capital"), overlapping hits all kept, and lower-casing that changes a string's
 * length (İ) shifts the offsets after it. The budget is checked every 64 nodes; a pass cut short
 * says how much text it covered, and its cost is extrapolated from that share.
 */
export function naiveRunSource(aliases: readonly string[], budgetMs: number): string {
  const args = JSON.stringify({
    aliases: naiveAliases(aliases),
    budgetMs,
    skip: NAIVE_SKIP,
    name: NAIVE_HIGHLIGHT,
  });
  return withUrl(
    `((args) => new Promise((resolve) => setTimeout(() => {
  const t0 = performance.now();
  const aliases = args.aliases;
  const skip = new Set(args.skip);
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let marks = 0;
  let nodesDone = 0;
  let charsDone = 0;
  let done = true;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skip.has(node.parentElement?.nodeName ?? '')) continue;
    if ((nodesDone & 63) === 63 && performance.now() - t0 > args.budgetMs) {
      done = false;
      break;
    }
    const data = node.data;
    const text = data.toLowerCase();
    for (let a = 0; a < aliases.length; a++) {
      const alias = aliases[a];
      for (let at = text.indexOf(alias); at !== -1; at = text.indexOf(alias, at + alias.length)) {
        highlight.add(new StaticRange({ startContainer: node, startOffset: at, endContainer: node, endOffset: at + alias.length }));
        marks++;
      }
    }
    nodesDone++;
    charsDone += data.length;
  }
  CSS.highlights.set(args.name, highlight);
  resolve({ ms: performance.now() - t0, marks, nodesDone, charsDone, done });
}, 0)))(${args})`,
    NAIVE_URL,
  );
}

/** Removes the naive highlighter's ranges, so nothing of it is left for the runs after it. */
export const NAIVE_CLEANUP_SOURCE = `(() => {
  const highlight = CSS.highlights.get(${JSON.stringify(NAIVE_HIGHLIGHT)});
  highlight?.clear();
  CSS.highlights.delete(${JSON.stringify(NAIVE_HIGHLIGHT)});
  return highlight?.size ?? 0;
})()`;
