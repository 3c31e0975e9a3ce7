// The pages the browser benchmark loads: the largest real pages of the shared corpus, served with
// their own scripts disabled, three synthetic stress pages generated at run time (a long article,
// 20,000 short paragraphs, 1 M characters in one text node), and a short page that names nothing
// the knowledge base knows.
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createDetector } from '../../lib/detect';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { sentencePool } from './sentences';
import { articlePage, oneTextNodePage, quietPage, shortParagraphsPage } from './synthetic';

export interface BenchPage {
  /** Stable id used in tables and JSON, e.g. `yahoo-2` or `synthetic-article`. */
  id: string;
  /** Path the test server serves it under. */
  path: string;
  body: Buffer;
  kind: 'corpus' | 'synthetic';
}

export interface PageSet {
  pages: BenchPage[];
  /** A page of ordinary size, for the once-per-run memory figure. */
  typical: BenchPage | null;
  notes: string[];
}

export const SHARED_DIRNAME = '../shared';

async function corpusFiles(dir: string): Promise<{ name: string; size: number }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.html'));
  const sized = await Promise.all(
    names.map(async (name) => ({ name, size: (await stat(join(dir, name))).size })),
  );
  // Largest first; ties by name so the choice never depends on directory order.
  return sized.sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
}

async function readMarkdown(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.endsWith('.md') && n !== 'SOURCES.md').sort();
  return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
}

export async function benchPages(
  repoRoot: string,
  aliases: readonly string[],
  options: {
    corpusCount?: number;
    articleBytes?: number;
    shortParagraphs?: number;
    oneNodeChars?: number;
  } = {},
): Promise<PageSet> {
  const shared = resolve(repoRoot, SHARED_DIRNAME);
  const notes: string[] = [];
  const pages: BenchPage[] = [];
  let typical: BenchPage | null = null;

  const pagesDir = join(shared, 'corpus/pages');
  if (existsSync(pagesDir)) {
    const files = await corpusFiles(pagesDir);
    for (const { name } of files.slice(0, options.corpusCount ?? 5)) {
      const id = name.replace(/\.html$/, '');
      pages.push({ id, path: `/bench/${name}`, body: await readFile(join(pagesDir, name)), kind: 'corpus' });
    }
    const mid = files[Math.floor(files.length / 2)];
    if (mid) {
      typical = {
        id: mid.name.replace(/\.html$/, ''),
        path: `/bench/${mid.name}`,
        body: await readFile(join(pagesDir, mid.name)),
        kind: 'corpus',
      };
    }
  } else {
    notes.push(`corpus pages skipped: ${SHARED_DIRNAME}/corpus/pages not found beside the repository`);
  }

  const markdown = await readMarkdown(join(shared, 'corpus/docs'));
  if (markdown.length === 0) {
    notes.push(`synthetic pages use built-in filler text: ${SHARED_DIRNAME}/corpus/docs not found`);
  }
  const pool = sentencePool(markdown);
  pages.push({
    id: 'synthetic-article',
    path: '/bench/synthetic-article.html',
    body: Buffer.from(articlePage(pool, aliases, options.articleBytes)),
    kind: 'synthetic',
  });
  pages.push({
    id: 'short-paragraphs',
    path: '/bench/short-paragraphs.html',
    body: Buffer.from(shortParagraphsPage(pool, aliases, options.shortParagraphs)),
    kind: 'synthetic',
  });
  pages.push({
    id: 'one-text-node',
    path: '/bench/one-text-node.html',
    body: Buffer.from(oneTextNodePage(pool, aliases, options.oneNodeChars)),
    kind: 'synthetic',
  });
  // The common case: a page with nothing to mark, where Factlens should cost next to nothing.
  const { detect } = createDetector(loadDetectorTable());
  pages.push({
    id: 'no-mentions',
    path: '/bench/no-mentions.html',
    body: Buffer.from(quietPage(pool, (s) => detect(s).length === 0)),
    kind: 'synthetic',
  });
  return { pages, typical, notes };
}
