import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = resolve(REPO_ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures');
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const OUTPUT_DIR = resolve(REPO_ROOT, 'test-output');
export const hasShared = existsSync(resolve(SHARED_DIR, 'seed/article.txt'));
