// Node only: the labelled set. Own sentences live in sentences.json; corpus passages are stored as
// references (file, line or anchor, hash) and read from ../shared at run time, never copied.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedRoot } from '@/lib/kb/load';
import { htmlPassages, passageHash, textLines } from './passages';

export interface LabelledItem {
  id: string;
  text: string;
  /** Entity ids the passage mentions. */
  expected: string[];
  note?: string;
}

/** A sentence written for the set: traps and their positive counterparts, both languages. */
export interface OwnSentence {
  text: string;
  entities: string[];
  note?: string;
}

/** A corpus passage by reference: `line` (1-based) for text files, else the first block starting with `anchor`. */
export interface CorpusRef {
  file: string;
  line?: number;
  anchor: string;
  hash: string;
  entities: string[];
  note?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(here, name), 'utf8')) as T;

export function loadOwnSentences(): LabelledItem[] {
  return toItems('own', readJson<OwnSentence[]>('sentences.json'));
}

/**
 * Passages modelled on real web pages of kinds the other sets lack, labelled by hand before the
 * detector ran on them: each keeps its names and the words around them as the page has them,
 * the rest reworded, with the page it follows in `source`.
 */
export const WEB_SETS = ['web-en-news', 'web-zh-news', 'web-zh-hant', 'web-encyclopedia'] as const;
export type WebSet = (typeof WEB_SETS)[number];

export function loadWebPassages(set: WebSet): LabelledItem[] {
  return toItems(set, readJson<(OwnSentence & { source?: string })[]>(`${set}.json`));
}

function toItems(prefix: string, sentences: readonly OwnSentence[]): LabelledItem[] {
  return sentences.map((s, i) => ({
    id: `${prefix}#${i + 1}`,
    text: s.text,
    expected: s.entities,
    ...(s.note ? { note: s.note } : {}),
  }));
}

/** A passage's language for per-language scores: Chinese when it has a run of Han characters. */
export function passageLanguage(text: string): 'zh' | 'en' {
  return /[\u3400-\u9fff]{2}/.test(text) ? 'zh' : 'en';
}

export function loadCorpusRefs(): CorpusRef[] {
  return readJson<CorpusRef[]>('corpus-refs.json');
}

export interface CorpusItems {
  /** False when ../shared is not there: the corpus part is skipped. */
  available: boolean;
  items: LabelledItem[];
  /** References that no longer resolve (moved line, changed text). */
  problems: string[];
}

/** Resolves one reference against already-read passages of its file. */
export function resolveRef(ref: CorpusRef, passages: readonly string[]): string | string[] {
  if (ref.line !== undefined) {
    const text = passages[ref.line - 1];
    if (text === undefined) return [`${ref.file}:${ref.line}: no such line`];
    if (!text.trimStart().startsWith(ref.anchor))
      return [`${ref.file}:${ref.line}: does not start with "${ref.anchor}"`];
    if (passageHash(text) !== ref.hash)
      return [`${ref.file}:${ref.line}: text changed (hash ${passageHash(text)})`];
    return text;
  }
  const matches = passages.filter((p) => p.startsWith(ref.anchor));
  const text = matches.find((p) => passageHash(p) === ref.hash);
  if (text === undefined) {
    return [
      `${ref.file}: no passage starting "${ref.anchor}" with hash ${ref.hash} (${matches.length} start so)`,
    ];
  }
  return text;
}

export function loadCorpusItems(root = sharedRoot): CorpusItems {
  if (!existsSync(path.join(root, 'corpus'))) return { available: false, items: [], problems: [] };
  const cache = new Map<string, string[]>();
  const passagesOf = (file: string) => {
    let passages = cache.get(file);
    if (!passages) {
      const full = path.join(root, file);
      const text = existsSync(full) ? readFileSync(full, 'utf8') : '';
      passages = file.endsWith('.html') ? htmlPassages(text) : textLines(text);
      cache.set(file, passages);
    }
    return passages;
  };
  const items: LabelledItem[] = [];
  const problems: string[] = [];
  for (const ref of loadCorpusRefs()) {
    const text = resolveRef(ref, passagesOf(ref.file));
    if (Array.isArray(text)) {
      problems.push(...text);
      continue;
    }
    items.push({
      id: ref.line !== undefined ? `${ref.file}:${ref.line}` : `${ref.file}#${ref.hash}`,
      text,
      expected: ref.entities,
      ...(ref.note ? { note: ref.note } : {}),
    });
  }
  return { available: true, items, problems };
}
