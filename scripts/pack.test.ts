// @vitest-environment node
// The pack checker as a user runs it: a separate process reading a file, and main() for the
// details of the report.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/kb/load';
import { main } from './pack';

const dir = mkdtempSync(path.join(tmpdir(), 'factlens-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: unknown): string {
  const name = path.join(dir, `pack-${++n}.json`);
  writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

const pack = (body: Record<string, unknown>) => ({
  format: 'factlens-pack',
  version: 1,
  name: 'Chip Notes',
  author: 'Ann',
  revision: 2,
  ...body,
});

const chip = {
  id: 'norvane-x1',
  type: 'chip',
  name: { en: 'Norvane X1', zh: '星衡一号' },
  aliases: ['NX-1'],
  summary: { en: 'An inference chip.' },
  related: ['nvidia'],
};

function check(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    args,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out, err };
}

describe('pack check (main)', () => {
  it('passes a clean pack with exit 0 and only a summary', () => {
    const { code, out, err } = check(
      'check',
      file(
        pack({ entities: [chip], notes: [{ entity: 'qwen', text: 'x', createdAt: '2026-11-30T10:00:00Z' }] }),
      ),
    );
    expect(err).toEqual([]);
    expect(out).toEqual([
      'pack "Chip Notes" by Ann, revision 2: 1 entity and 1 note accepted; 0 errors, 0 warnings',
    ]);
    expect(code).toBe(0);
  });

  it('exits 0 with warnings only', () => {
    const { code, out } = check('check', file(pack({ entities: [{ ...chip, aliases: ['NX-1', 'x'] }] })));
    expect(out).toEqual([
      'warning entity norvane-x1           aliases[1]: alias "x" is one letter: it would mark ordinary words; it is dropped',
      'pack "Chip Notes" by Ann, revision 2: 1 entity and 0 notes accepted; 0 errors, 1 warning',
    ]);
    expect(code).toBe(0);
  });

  it('prints one line per problem and exits 1 on an error', () => {
    const { code, out } = check(
      'check',
      file(
        pack({
          entities: [
            chip,
            { ...chip, id: 'qwen' },
            { ...chip, id: 'my-chip', aliases: ['x'.repeat(81)] },
            { ...chip, id: 'fine-two', name: { en: 'Fine Two' }, aliases: ['Qwen'] },
          ],
          notes: [
            { entity: 'norvane-x1', text: 'ok' },
            { entity: 'ghost', text: 'x' },
          ],
        }),
      ),
    );
    expect(out).toEqual([
      'error   entity qwen                 id: pack entry "qwen" clashes with the built-in entry "qwen" (Qwen)',
      'error   entity my-chip              aliases[0]: is too long (81 characters; at most 80)',
      'warning entity fine-two             aliases[0]: alias "Qwen" is also the built-in entry "qwen"\'s; the built-in entry wins unless listed in prefer',
      'error   note   notes[1]             entity: note about unknown entry "ghost"',
      'pack "Chip Notes" by Ann, revision 2: 2 entities and 1 note accepted, 2 entities and 1 note skipped; 3 errors, 1 warning',
    ]);
    expect(code).toBe(1);
  });

  it('reports a fatal problem and exits 1', () => {
    const { code, out } = check('check', file('{"format": "factlens-pins", "version": 2}'));
    expect(out).toEqual([
      'error   pack   pack-unnamed         format: the file is not a Factlens pack: its "format" is "factlens-pins" (expected "factlens-pack")',
      'pack "Unnamed pack", revision 1: nothing can be imported; 1 error, 0 warnings',
    ]);
    expect(code).toBe(1);
  });

  it('names an own pack as the reader’s entries', () => {
    const { out } = check('check', file(pack({ own: true, author: '', entities: [chip] })));
    expect(out.at(-1)).toBe(
      'pack "Chip Notes", revision 2 (your own entries): 1 entity and 0 notes accepted; 0 errors, 0 warnings',
    );
  });

  it('exits 2 with a message for a missing file, no file or another command', () => {
    const missing = check('check', path.join(dir, 'nothing-here.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toEqual([`cannot read ${path.join(dir, 'nothing-here.json')}: no such file`]);
    expect(missing.out).toEqual([]);
    for (const args of [[], ['check'], ['verify', 'x.json'], ['check', 'a.json', 'b.json']]) {
      const run = check(...args);
      expect(run.code).toBe(2);
      expect(run.err[0]).toMatch(/^usage: npm run --silent pack -- check FILE/);
    }
    expect(check('--help').code).toBe(0);
  });
});

describe('npm run --silent pack -- check', () => {
  it('runs as a script with the exit codes of main', () => {
    const run = (...args: string[]) =>
      spawnSync('npm', ['run', '--silent', 'pack', '--', ...args], { cwd: repoRoot, encoding: 'utf8' });
    const bad = run('check', file(pack({ entities: [{ ...chip, id: 'qwen' }] })));
    expect(bad.status).toBe(1);
    expect(bad.stdout.trimEnd().split('\n')).toEqual([
      'error   entity qwen                 id: pack entry "qwen" clashes with the built-in entry "qwen" (Qwen)',
      'pack "Chip Notes" by Ann, revision 2: 0 entities and 0 notes accepted, 1 entity skipped; 1 error, 0 warnings',
    ]);
    const none = run('check');
    expect(none.status).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/usage/);
  });
});
