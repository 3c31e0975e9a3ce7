// Node only: the labelled set of real-page marks. Every mark the detector makes on the shared
// corpus pages and on its READMEs rendered as GitHub shows them, judged by hand as article content
// or page furniture. Stored as references (file, entity, the text node's hash and anchor, its
// occurrence), never as copies of the pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { marked } from 'marked';
import type { Engine } from '@/lib/detect/engine';
import { passageHash } from '@/lib/detect/labelled/passages';
import type { Mention } from '@/lib/detect/types';
import { sharedRoot } from '@/lib/kb/load';
import { scanPage } from '../page-scan';

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
 * Every mark the detector makes in a document, in document order, scanned as the content script
 * scans a page; with `furniture`, marks the furniture rules leave out are left out here too.
 * Keys count every mark, kept or not, so they do not depend on the rules.
 */
export function pageMarks(file: string, doc: Document, engine: Engine, furniture: boolean): PageMark[] {
  const all = scanPage(doc as unknown as Node, engine, { furniture: false });
  const kept = furniture ? scanPage(doc as unknown as Node, engine).mentions : all.mentions;
  const seen = new Map<string, number>();
  const out: PageMark[] = [];
  all.nodes.forEach((node, i) => {
    const mentions = all.mentions[i]!;
    if (mentions.length === 0) return;
    const keptHere = kept[i]!.map((m) => `${m.entity}|${m.start}`);
    const hash = passageHash(node.data);
    for (const mention of mentions) {
      const id = `${mention.entity}|${hash}`;
      const nth = seen.get(id) ?? 0;
      seen.set(id, nth + 1);
      if (!keptHere.includes(`${mention.entity}|${mention.start}`)) continue;
      const anchor = node.data.replace(/\s+/g, ' ').trim().slice(0, 16);
      out.push({
        file,
        node,
        mention,
        hash,
        nth,
        anchor,
        key: markKey({ file, entity: mention.entity, hash, nth }),
      });
    }
  });
  return out;
}

export interface MarkEvaluation {
  files: number;
  content: number;
  furniture: number;
  /** Marks kept by the rules that are content / furniture. */
  keptContent: number;
  keptFurniture: number;
  precision: number;
  recall: number;
  /** Furniture marked, content left out: what to look at. */
  errors: { key: string; label: MarkLabel; anchor: string; note?: string }[];
  /** Marks the detector makes that the set has no label for (the set must be complete). */
  unlabelled: string[];
  /** Labels no mark matches any more (the detector changed, or a corpus file). */
  stale: string[];
}

/** The rules' precision and recall on the labelled set, counting content marks as positives. */
export function evaluateMarks(engine: Engine, root = sharedRoot): MarkEvaluation {
  const labels = new Map(loadMarkLabels().map((l) => [markKey(l), l]));
  const result: MarkEvaluation = {
    files: 0,
    content: 0,
    furniture: 0,
    keptContent: 0,
    keptFurniture: 0,
    precision: 1,
    recall: 1,
    errors: [],
    unlabelled: [],
    stale: [],
  };
  const found = new Set<string>();
  for (const file of corpusFiles(root)) {
    result.files++;
    const doc = corpusDocument(file, root);
    const kept = new Set(pageMarks(file, doc, engine, true).map((m) => m.key));
    for (const mark of pageMarks(file, doc, engine, false)) {
      found.add(mark.key);
      const label = labels.get(mark.key);
      if (!label) {
        result.unlabelled.push(`${mark.key} (${mark.anchor})`);
        continue;
      }
      const isKept = kept.has(mark.key);
      if (label.label === 'content') {
        result.content++;
        if (isKept) result.keptContent++;
        else
          result.errors.push({
            key: mark.key,
            label: 'content',
            anchor: label.anchor,
            ...(label.note ? { note: label.note } : {}),
          });
      } else {
        result.furniture++;
        if (isKept) {
          result.keptFurniture++;
          result.errors.push({
            key: mark.key,
            label: 'furniture',
            anchor: label.anchor,
            ...(label.note ? { note: label.note } : {}),
          });
        }
      }
    }
  }
  for (const key of labels.keys()) if (!found.has(key)) result.stale.push(key);
  const kept = result.keptContent + result.keptFurniture;
  result.precision = kept ? result.keptContent / kept : 1;
  result.recall = result.content ? result.keptContent / result.content : 1;
  return result;
}

export function formatMarkEvaluation(e: MarkEvaluation): string {
  const lines = [
    `real-page marks: ${e.files} files, ${e.content} content and ${e.furniture} furniture marks labelled`,
    `  precision ${e.precision.toFixed(4)}  recall ${e.recall.toFixed(4)}  ` +
      `(furniture still marked ${e.keptFurniture}, content left out ${e.content - e.keptContent})`,
  ];
  for (const err of e.errors) {
    lines.push(
      `  ${err.label === 'content' ? '- content left out' : '+ furniture marked'}: ${err.key} "${err.anchor}"${err.note ? ` (${err.note})` : ''}`,
    );
  }
  if (e.unlabelled.length)
    lines.push(`  unlabelled marks: ${e.unlabelled.length}`, ...e.unlabelled.map((u) => `    ${u}`));
  if (e.stale.length) lines.push(`  stale labels: ${e.stale.length}`, ...e.stale.map((s) => `    ${s}`));
  return lines.join('\n');
}
