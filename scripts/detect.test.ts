import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDetector } from '../lib/detect';
import { loadOwnSentences } from '../lib/detect/labelled/load';
import { engineFromPrecompiled } from '../lib/detect/precompiled';
import { realTable } from '../lib/detect/testing/tables';
import { repoRoot } from '../lib/kb/load';
import { compileCombined } from '../lib/knowledge/engine';
import { detectorFor, jsonlLine, takePack } from './detect';

const { detect } = createDetector(realTable());

describe('jsonlLine', () => {
  it('answers a record with its id and mentions', () => {
    const { out, error } = jsonlLine(detect, JSON.stringify({ id: 7, text: '华为昇腾910B' }));
    expect(error).toBeUndefined();
    expect(JSON.parse(out)).toEqual({
      id: 7,
      mentions: [
        { entity: 'huawei', start: 0, end: 2, text: '华为' },
        { entity: 'ascend', start: 2, end: 8, text: '昇腾910B' },
      ],
    });
  });

  it('answers malformed lines with an error line, keeping the id when it can', () => {
    expect(JSON.parse(jsonlLine(detect, '{oops').out)).toMatchObject({ id: null, error: expect.any(String) });
    expect(JSON.parse(jsonlLine(detect, '').out)).toMatchObject({ id: null, error: expect.any(String) });
    expect(JSON.parse(jsonlLine(detect, '[1]').out)).toMatchObject({ id: null, error: expect.any(String) });
    expect(JSON.parse(jsonlLine(detect, '{"id":"a","text":3}').out)).toMatchObject({
      id: 'a',
      error: expect.any(String),
    });
  });
});

describe('npm run --silent detect -- --jsonl', () => {
  it('writes one line per input line, in order, and nothing else', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Claude Monet and Claude 3.5 Sonnet' }),
      'not json',
      JSON.stringify({ id: 'b', text: '' }),
      JSON.stringify({ id: 'c', text: '腾讯元宝' }),
    ].join('\n');
    const run = spawnSync('npm', ['run', '--silent', 'detect', '--', '--jsonl'], {
      cwd: path.resolve(repoRoot),
      input,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      id: 'a',
      mentions: [{ entity: 'claude', start: 17, end: 34, text: 'Claude 3.5 Sonnet' }],
    });
    expect(lines[1]).toMatchObject({ id: null, error: expect.stringContaining('JSON') });
    expect(lines[2]).toEqual({ id: 'b', mentions: [] });
    expect(lines[3].mentions.map((m: { entity: string }) => m.entity)).toEqual(['tencent', 'yuanbao']);
    expect(run.stderr).toContain('line 2');
  });
});

describe('detect --pack', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'factlens-detect-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const pack = write(
    'pack.json',
    JSON.stringify({
      format: 'factlens-pack',
      version: 1,
      name: 'Chip Notes',
      author: 'Ann',
      entities: [
        {
          id: 'norvane-x1',
          type: 'chip',
          name: { en: 'Norvane X1', zh: '星衡一号' },
          aliases: [{ text: 'NVX', caseSensitive: true }],
          related: ['nvidia'],
        },
      ],
    }),
  );
  const text = 'The Norvane X1 (NVX, not nvx) against 华为昇腾910B.';
  const detect = (args: string[], input?: string) =>
    spawnSync('npm', ['run', '--silent', 'detect', '--', ...args], {
      cwd: repoRoot,
      input,
      encoding: 'utf8',
    });

  it('takes --pack FILE or --pack=FILE out of the arguments', () => {
    expect(takePack(['--jsonl'])).toEqual({ rest: ['--jsonl'] });
    expect(takePack(['a.md', '--pack', 'p.json', 'b.md'])).toEqual({
      pack: 'p.json',
      rest: ['a.md', 'b.md'],
    });
    expect(takePack(['--pack=p.json', '--eval'])).toEqual({ pack: 'p.json', rest: ['--eval'] });
    expect(takePack(['--pack'])).toBe('--pack needs a file');
    expect(takePack(['--pack='])).toBe('--pack needs a file');
    expect(takePack(['--pack', 'a', '--pack', 'b'])).toBe('--pack can be given once');
  });

  it('over the engine of no entries, finds what the built-in detector finds', () => {
    const builtIn = createDetector(realTable());
    const combined = detectorFor(engineFromPrecompiled(compileCombined(realTable(), [])));
    const texts = loadOwnSentences().map((item) => item.text);
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) expect(combined.detect(t), t).toEqual(builtIn.detect(t));
  });

  it('finds a pack entry by --jsonl, and only with --pack', () => {
    const input = JSON.stringify({ id: 'a', text });
    const withPack = detect(['--jsonl', '--pack', pack], input);
    expect(withPack.status).toBe(0);
    expect(JSON.parse(withPack.stdout)).toEqual({
      id: 'a',
      mentions: [
        { entity: 'norvane-x1', start: 4, end: 14, text: 'Norvane X1' },
        { entity: 'norvane-x1', start: 16, end: 19, text: 'NVX' },
        { entity: 'huawei', start: 38, end: 40, text: '华为' },
        { entity: 'ascend', start: 40, end: 46, text: '昇腾910B' },
      ],
    });
    expect(withPack.stderr).toContain('pack "Chip Notes" by Ann, revision 1: 1 entity and 0 notes accepted');
    const without = detect(['--jsonl'], input);
    expect(JSON.parse(without.stdout).mentions.map((m: { entity: string }) => m.entity)).toEqual([
      'huawei',
      'ascend',
    ]);
  });

  it('finds a pack entry in a file, and only with --pack', () => {
    const file = write('page.md', `# Chips\n\n${text}\n`);
    const withPack = detect([file, `--pack=${pack}`]);
    expect(withPack.status).toBe(0);
    expect(withPack.stdout).toContain(`${file}: 4 mention(s) of 3 entities`);
    expect(withPack.stdout).toMatch(/3:5 +norvane-x1 +…# Chips The \[Norvane X1\]/);
    const without = detect([file]);
    expect(without.stdout).toContain(`${file}: 2 mention(s) of 2 entities`);
    expect(without.stdout).not.toContain('norvane-x1');
  });

  it('exits 2 with the problems of a pack that cannot be imported', () => {
    const run = detect(
      ['--jsonl', '--pack', write('bad.json', '{"format":"factlens-pack","version":9}')],
      '',
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('newer version of Factlens');
    expect(detect(['--jsonl', '--pack', path.join(dir, 'missing.json')], '').status).toBe(2);
  });
});
