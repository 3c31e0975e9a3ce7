import { describe, expect, it } from 'vitest';
import { parseArgs } from './cli-args';

describe('parseArgs', () => {
  it('reads every flag, with = or a separate value', () => {
    expect(
      parseArgs([
        '--no-build',
        '--repeats',
        '5',
        '--only=yahoo,synthetic',
        '--markjs-budget-ms=2000',
        '--naive-budget-ms',
        '9000',
        '--no-json',
      ]),
    ).toEqual({
      build: false,
      repeats: 5,
      only: ['yahoo', 'synthetic'],
      markjsBudgetMs: 2000,
      naiveBudgetMs: 9000,
      outDir: null,
    });
  });

  it('reads --node-only, which stops npm run bench after the Node part', () => {
    expect(parseArgs(['--node-only'])).toEqual({ nodeOnly: true });
    expect(parseArgs([])).toEqual({});
  });

  it('rejects unknown flags and bad numbers', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option --fast/);
    expect(() => parseArgs(['--repeats', 'x'])).toThrow(/positive number/);
    expect(() => parseArgs(['--only'])).toThrow(/needs a value/);
  });
});
