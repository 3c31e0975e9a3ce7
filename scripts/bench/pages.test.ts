import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchPages } from './pages';

// A fake checkout: <root>/repo beside <root>/shared, as ../shared is resolved from the repo root.
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bench-pages-'));
  await mkdir(join(root, 'repo'));
  await mkdir(join(root, 'shared/corpus/pages'), { recursive: true });
  await mkdir(join(root, 'shared/corpus/docs'), { recursive: true });
  for (const [name, size] of [
    ['small', 10],
    ['big', 300],
    ['mid', 100],
    ['tie-b', 200],
    ['tie-a', 200],
  ] as const) {
    await writeFile(join(root, 'shared/corpus/pages', `${name}.html`), 'x'.repeat(size));
  }
  await writeFile(join(root, 'shared/corpus/pages/notes.txt'), 'x'.repeat(999));
  await writeFile(join(root, 'shared/corpus/docs/a.md'), 'A lab released a new open model this week.\n');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('benchPages', () => {
  it('takes the largest corpus pages, ties by name, and adds the synthetic ones', async () => {
    const set = await benchPages(join(root, 'repo'), ['Qwen'], {
      corpusCount: 3,
      articleBytes: 20_000,
      shortParagraphs: 50,
      oneNodeChars: 5_000,
    });
    expect(set.pages.map((p) => p.id)).toEqual([
      'big',
      'tie-a',
      'tie-b',
      'synthetic-article',
      'short-paragraphs',
      'one-text-node',
      'no-mentions',
    ]);
    expect(set.typical?.id).toBe('tie-b'); // the third of five by size
    expect(set.notes).toEqual([]);
    expect(set.pages[3]!.body.toString()).toContain('A lab released a new open model this week.');
  });

  it('says so and still builds the synthetic pages when the shared folder is absent', async () => {
    const lonely = await mkdtemp(join(tmpdir(), 'bench-lonely-'));
    try {
      const set = await benchPages(lonely, [], {
        articleBytes: 5_000,
        shortParagraphs: 10,
        oneNodeChars: 2_000,
      });
      expect(set.pages.map((p) => p.id)).toEqual([
        'synthetic-article',
        'short-paragraphs',
        'one-text-node',
        'no-mentions',
      ]);
      expect(set.typical).toBeNull();
      expect(set.notes.join('\n')).toMatch(/corpus pages skipped.*\n.*built-in filler/);
    } finally {
      await rm(lonely, { recursive: true, force: true });
    }
  });
});
