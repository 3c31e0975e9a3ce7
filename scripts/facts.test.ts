// @vitest-environment node
// The facts CLI as a user runs it: a separate process reading data/.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKb } from '../lib/kb/compile';
import { loadData, repoRoot } from '../lib/kb/load';

const tsx = path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs');

function facts(...args: string[]) {
  const run = spawnSync(process.execPath, [tsx, 'scripts/facts.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const { problems, data } = loadData();

describe('npm run facts', () => {
  it('prints help', () => {
    const { code, stdout } = facts('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage:/);
    expect(stdout).toMatch(/--json/);
  });

  it('explains what to do when no query is given', () => {
    const { code, stdout, stderr } = facts();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/No query given/);
  });

  it.skipIf(problems.length > 0)('prints only the compiled index, as JSON, with --json', () => {
    const { code, stdout } = facts('--json');
    expect(code).toBe(0);
    const kb = JSON.parse(stdout);
    expect(Object.keys(kb)).toEqual(['source', 'entities', 'facts']);
    expect(kb).toEqual(compileKb({ ...data, source: data.source! }));
  });

  it.skipIf(!data.entities.some((e) => e.id === 'ascend'))('prints the best matches readably', () => {
    const { code, stdout } = facts('ascnd');
    expect(code).toBe(0);
    const first = stdout.split('\n').find((line) => /^1\. /.test(line));
    expect(first).toMatch(/^1\. Huawei Ascend \/ 昇腾 {2}\[chip\] {2}id: ascend/);
  });

  it.skipIf(!data.facts.some((f) => f.entities.includes('superclue')))(
    'shows facts in both languages',
    () => {
      const { code, stdout } = facts('SuperCLUE', '--limit', '3');
      expect(code).toBe(0);
      expect(stdout.match(/^\d+\. /gm)).toHaveLength(3);
      expect(stdout).toMatch(/^\d+\. Fact \S+ {2}\[\w+\]/m);
      for (const label of ['EN: ', 'ZH: ', 'About: ', 'Section: ']) expect(stdout).toContain(`   ${label}`);
    },
  );
});
