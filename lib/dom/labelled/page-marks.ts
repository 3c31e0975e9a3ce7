// Node only: the labelled set of real-page marks. Every mark the detector makes on the shared
// corpus pages and on its READMEs rendered as GitHub shows them, judged by hand as article content
// or page furniture. Stored as references (file, entity, the text node's hash and anchor, its
// occurrence), never as copies of the pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import { createPageScanner } from '@/lib/detect';
import type { Mention } from '@/lib/detect/types';
import { passageHash } from '@/lib/detect/labelled/passages';
import type { DetectorTable } from '@/lib/kb/compiled';
import { sharedRoot } from '@/lib/kb/load';
import { collectTextNodes } from '../text-nodes';

export type MarkLabel = 'content' | 'furniture';

export interface LabelledMark {
  /** Relative to ../shared: corpus/pages/x.html or corpus/docs/x.md. */
  file: string;
  entity: string;
  /** Hash of the whole text node the mark sits in. */
  hash: string;
  /** Which occurrence of this (entity, text node text) pair in the file, from 0. */
  nth: number;
  /** The first characters of the text node, so a reader of the file can find it. */
  anchor: string;
  label: MarkLabel;
  note?: string;
}

export interface PageMark {
  file: string;
  node: Text;
  mention: Mention;
  key: string;
  hash: string;
  nth: number;
  anchor: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const LABELS_FILE = path.join(here, 'page-marks.json');

export function loadMarkLabels(): LabelledMark[] {
  return JSON.parse(readFileSync(LABELS_FILE, 'utf8')) as LabelledMark[];
}

export const markKey = (m: { file: string; entity: string; hash: string; nth: number }) =>
  `${m.file}|${m.entity}|${m.hash}|${m.nth}`;

/** The corpus files of the set: every page, and every README but the sources list. */
export function corpusFiles(root = sharedRoot): string[] {
  const list = (dir: string, ext: string) =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir))
          .filter((f) => f.endsWith(ext) && f !== 'SOURCES.md')
          .sort()
          .map((f) => `${dir}/${f}`)
      : [];
  return [...list('corpus/pages', '.html'), ...list('corpus/docs', '.md')];
}

/** A corpus file as a DOM: HTML as it is, Markdown rendered to HTML as a repository page shows it. */
export function corpusDocument(file: string, root = sharedRoot): Document {
  const source = readFileSync(path.join(root, file), 'utf8');
  const html = file.endsWith('.md')
    ? `<!doctype html><html><body><article>${marked.parse(source, { async: false }) as string}</article></body></html>`
    : source;
  return parseHTML(html).document as unknown as Document;
}

/**
 * Every mark the detector makes in a document, in document order, through one page scanner as
 * the content script would (ambiguous names promoted by later evidence included). `keep` filters
 * text nodes with mentions, as the content script's furniture rule does.
 */
export function pageMarks(
  file: string,
  doc: Document,
  table: DetectorTable,
  keep: (node: Text, mentions: readonly Mention[]) => readonly Mention[] = (_, m) => m,
): PageMark[] {
  const nodes = collectTextNodes(doc as unknown as Node) as Text[];
  const scanner = createPageScanner<number>(table);
  const byNode = new Map<number, Mention[]>();
  nodes.forEach((node, i) => {
    byNode.set(i, scanner.add(i, node.data));
  });
  for (const { key, mention } of scanner.takePromoted()) byNode.get(key)!.push(mention);
  const seen = new Map<string, number>();
  const out: PageMark[] = [];
  nodes.forEach((node, i) => {
    const mentions = (byNode.get(i) ?? []).sort((a, b) => a.start - b.start);
    if (mentions.length === 0) return;
    const kept = new Set(keep(node, mentions));
    const hash = passageHash(node.data);
    for (const mention of mentions) {
      const id = `${mention.entity}|${hash}`;
      const nth = seen.get(id) ?? 0;
      seen.set(id, nth + 1);
      if (!kept.has(mention)) continue;
      const anchor = node.data.replace(/\s+/g, ' ').trim().slice(0, 16);
      const mark = { file, node, mention, hash, nth, anchor, key: '' };
      mark.key = markKey({ file, entity: mention.entity, hash, nth });
      out.push(mark);
    }
  });
  return out;
}
