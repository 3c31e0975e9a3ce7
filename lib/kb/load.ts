// Reads the authored data and the shared material from disk (Node only). Everything that
// interprets them lives in pure modules: validate.ts, compile.ts, article.ts, spec.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawData, RawFile } from './validate';
import { validateData } from './validate';

/** The repository root, found from this file so scripts and tests work from any directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Read-only material beside the repository: the article, the entity list, the corpus. */
export const sharedRoot = path.resolve(repoRoot, '../shared');

function readJsonFiles(root: string, dir: string): RawFile[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({
      path: `${dir}/${name}`,
      text: readFileSync(path.join(full, name), 'utf8'),
    }));
}

/** Every data file, with paths relative to `root` (data/facts/02-research.json). */
export function readRawData(root = repoRoot): RawData {
  const sourcePath = path.join(root, 'data/source.json');
  return {
    source: existsSync(sourcePath)
      ? { path: 'data/source.json', text: readFileSync(sourcePath, 'utf8') }
      : undefined,
    entities: readJsonFiles(root, 'data/entities'),
    detection: readJsonFiles(root, 'data/detection'),
    facts: readJsonFiles(root, 'data/facts'),
  };
}

export function loadData(root = repoRoot) {
  return validateData(readRawData(root));
}

/** A file of the shared material, or undefined when ../shared is not there. */
export function readShared(relative: string): string | undefined {
  const full = path.join(sharedRoot, relative);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
}
