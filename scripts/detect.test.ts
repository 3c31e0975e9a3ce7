import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../lib/detect';
import { realTable } from '../lib/detect/testing/tables';
import { repoRoot } from '../lib/kb/load';
import { jsonlLine } from './detect';

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
