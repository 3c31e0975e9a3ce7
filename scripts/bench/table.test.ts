import { describe, expect, it } from 'vitest';
import type { BrowserBenchResult, PageResult } from './results';
import { median, ratio, summarize } from './stats';
import { fmtBytes, fmtMs, fmtRatio, pageRow, renderMarkdown, renderText, targetSummary } from './table';

describe('stats', () => {
  it('takes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('summarizes finite values only', () => {
    expect(summarize([5, Number.NaN, 1, 3])).toEqual({ median: 3, min: 1, max: 5, n: 3 });
  });

  it('refuses a ratio to zero or a missing figure', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});

describe('formatting', () => {
  it('formats milliseconds, ratios and bytes', () => {
    expect(fmtMs(3.26)).toBe('3.3');
    expect(fmtMs(1234.5)).toBe('1,235');
    expect(fmtMs(Number.NaN)).toBe('–');
    expect(fmtRatio(0.256)).toBe('0.26×');
    expect(fmtBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(fmtBytes(-2048)).toBe('−2 KB');
  });

  it('aligns text columns and escapes Markdown pipes', () => {
    const text = renderText(
      ['page', 'ms'],
      [
        ['a', '1'],
        ['longer', '100'],
      ],
    ).split('\n');
    expect(text).toEqual(['page     ms', '------  ---', 'a         1', 'longer  100']);
    expect(renderMarkdown(['page', 'ms'], [['a|b', '1']])).toBe('| page | ms |\n|---|---:|\n| a\\|b | 1 |');
  });
});

describe('page rows', () => {
  const s = (median: number) => ({ median, min: median, max: median, n: 1 });
  const scanner = {
    cpuMs: s(100),
    selfMs: s(50),
    traceMs: s(90),
    longestTaskMs: s(40),
    longestTaskRenderingMs: s(5),
    tasksOver50ms: 0,
    gcMs: s(1),
    heapAddedBytes: s(1024 * 1024),
    domHeapAddedBytes: s(1024 * 1024),
    marks: 12,
    runs: 1,
    hotFunctions: [],
  };
  const page = (id: string, markjsCpu: number, extrapolated: boolean): PageResult => ({
    id,
    kind: 'synthetic',
    bytes: 1,
    textChars: 5000,
    textNodes: 10,
    elements: 10,
    factlens: { ...scanner, loadToMarkedMs: s(300), busyToMarkedMs: s(10), renderingToMarkedMs: s(1) },
    markjs: {
      ...scanner,
      cpuMs: s(markjsCpu),
      runMs: s(markjsCpu),
      coverage: extrapolated ? 0.1 : 1,
      extrapolated,
      measuredCpuMs: s(markjsCpu / 10),
      timedOut: false,
    },
    floor: { cpuMs: s(50), runMs: s(50), textNodes: 10, chars: 5000 },
    ratios: { vsMarkjs: 100 / markjsCpu, vsFloor: 2 },
    targets: { halfOfMarkjs: 100 / markjsCpu <= 0.5, withinThreeFloors: true, noLongTask: true },
  });

  it('flags extrapolated mark.js figures and partial counts', () => {
    const row = pageRow(page('big', 4000, true));
    expect(row[3]).toBe('≈4,000');
    expect(row[5]).toBe('≈0.025×');
    expect(row[9]).toBe('2.0 MB / ≥2.0 MB');
    expect(row[10]).toBe('12 / ≥12');
    expect(pageRow(page('small', 150, false))[3]).toBe('150');
  });

  it('counts the pages that meet each target', () => {
    const result = { pages: [page('a', 4000, true), page('b', 150, false)] } as BrowserBenchResult;
    expect(targetSummary(result)).toBe(
      'targets met: CPU ≤ 0.5× mark.js on 1/2 pages, ≤ 3× the floor on 2/2, no added task over 50 ms on 2/2',
    );
  });
});
