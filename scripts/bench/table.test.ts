import { describe, expect, it } from 'vitest';
import { PHASES } from './phases';
import type { BrowserBenchResult, PageResult } from './results';
import { median, ratio, summarize } from './stats';
import {
  DETAIL_HEADERS,
  detailRow,
  fmtBytes,
  fmtMs,
  fmtRatio,
  formatPhases,
  onceLines,
  PAGE_HEADERS,
  pageRow,
  renderMarkdown,
  renderText,
  targetSummary,
} from './table';

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
  const compared = (cpu: number, extrapolated: boolean) => ({
    ...scanner,
    cpuMs: s(cpu),
    runMs: s(cpu),
    coverage: extrapolated ? 0.1 : 1,
    extrapolated,
    measuredCpuMs: s(cpu / 10),
    timedOut: false,
  });
  const page = (
    id: string,
    markjsCpu: number,
    extrapolated: boolean,
    naive = { cpu: 800, extrapolated: false },
  ): PageResult => ({
    id,
    kind: 'synthetic',
    bytes: 1,
    textChars: 5000,
    textNodes: 10,
    elements: 10,
    factlens: { ...scanner, loadToMarkedMs: s(300), busyToMarkedMs: s(10), renderingToMarkedMs: s(1) },
    markjs: compared(markjsCpu, extrapolated),
    naive: compared(naive.cpu, naive.extrapolated),
    floor: { cpuMs: s(50), runMs: s(50), textNodes: 10, chars: 5000 },
    ratios: { vsMarkjs: 100 / markjsCpu, vsFloor: 2, vsNaive: 100 / naive.cpu },
    targets: {
      halfOfMarkjs: 100 / markjsCpu <= 0.5,
      withinThreeFloors: true,
      noLongTask: true,
      quarterOfNaive: 100 / naive.cpu <= 0.25,
    },
  });

  it('has a cell for every header', () => {
    expect(pageRow(page('big', 4000, true))).toHaveLength(PAGE_HEADERS.length);
    expect(pageRow({ ...page('bad', 1, false), error: 'boom' })).toHaveLength(PAGE_HEADERS.length);
    expect(detailRow(page('big', 4000, true))).toHaveLength(DETAIL_HEADERS.length);
  });

  it('flags extrapolated mark.js figures and partial counts', () => {
    const row = pageRow(page('big', 4000, true));
    const cell = (header: string) => row[PAGE_HEADERS.indexOf(header)];
    expect(cell('mark.js CPU ms')).toBe('≈4,000');
    expect(cell('Factlens/mark.js')).toBe('≈0.025×');
    expect(cell('heap added, JS+DOM (Factlens / mark.js)')).toBe('2.0 MB / ≥2.0 MB');
    expect(cell('marks (Factlens / mark.js)')).toBe('12 / ≥12');
    expect(pageRow(page('small', 150, false))[PAGE_HEADERS.indexOf('mark.js CPU ms')]).toBe('150');
  });

  it('shows the naive highlighter beside mark.js, extrapolated when cut short', () => {
    const at = (row: string[], header: string) => row[PAGE_HEADERS.indexOf(header)];
    const plain = pageRow(page('a', 150, false));
    expect(PAGE_HEADERS.indexOf('naive CPU ms')).toBe(PAGE_HEADERS.indexOf('mark.js CPU ms') + 1);
    expect(at(plain, 'naive CPU ms')).toBe('800');
    expect(at(plain, 'Factlens/naive')).toBe('0.13×');
    const cut = pageRow(page('b', 150, false, { cpu: 20_000, extrapolated: true }));
    expect(at(cut, 'naive CPU ms')).toBe('≈20,000');
    expect(at(cut, 'Factlens/naive')).toBe('≈0.0050×');
  });

  it('counts the pages that meet each target', () => {
    const result = {
      pages: [page('a', 4000, true), page('b', 150, false, { cpu: 200, extrapolated: false })],
    } as BrowserBenchResult;
    expect(targetSummary(result)).toBe(
      'targets met: CPU ≤ 0.5× mark.js on 1/2 pages, ≤ 0.25× the naive highlighter on 1/2, ' +
        '≤ 3× the floor on 2/2, no added task over 50 ms on 2/2',
    );
  });
});

describe('phase table', () => {
  it('lists every phase with its share, the total and the unrecognised leaves', () => {
    const text = formatPhases('no-mentions', {
      phases: PHASES.map((phase) => ({
        phase,
        ms: phase === 'walk' ? 3 : phase === 'other' ? 1 : 0,
        share: phase === 'walk' ? 0.75 : phase === 'other' ? 0.25 : 0,
      })),
      totalMs: 4,
      other: [
        {
          name: 'Ro',
          url: 'chrome-extension://x/content.js',
          line: 15,
          column: 9,
          ms: 1,
          head: '(t){if(!document',
        },
        { name: 'addEventListener', url: '', line: 0, column: 0, ms: 0.5, head: '' },
      ],
    }).split('\n');
    expect(text[0]).toMatch(/^start-up on no-mentions by phase/);
    expect(text[1]).toMatch(/^phase\s+ms\s+share$/);
    expect(text).toContainEqual(expect.stringMatching(/^walk\s+3\.0\s+75%$/));
    expect(text).toContainEqual(expect.stringMatching(/^paint\/style\s+0\.0\s+0%$/));
    expect(text).toContainEqual(expect.stringMatching(/^total\s+4\.0\s+100%$/));
    expect(text.slice(-2)).toEqual([
      '     1.0 ms  Ro content.js:15:9  (t){if(!document',
      '     0.5 ms  addEventListener native',
    ]);
  });
});

describe('once-per-run lines', () => {
  it('puts the user-alias figures beside the built-in ones, as ratios', () => {
    const lines = onceLines({
      once: {
        contentScript: { rawBytes: 52_000, gzipBytes: 19_000 },
        memory: null,
        hover: null,
        userAliases: {
          aliases: 1000,
          entries: 518,
          pages: [
            { id: 'no-mentions', builtInMs: 14, withUserMs: 16, floorMs: 1, naiveMs: 4, longestTaskMs: 9 },
            {
              id: 'wikipedia-2',
              builtInMs: 100,
              withUserMs: 110,
              floorMs: null,
              naiveMs: null,
              longestTaskMs: 15,
            },
          ],
        },
      },
    } as unknown as Parameters<typeof onceLines>[0]);
    const line = lines.find((l) => l.startsWith('with 1,000 user aliases'));
    expect(line).toContain('(518 entries)');
    expect(line).toContain('no-mentions 14 → 16 ms (1.14×, 4.00× naive, 16.00× floor, longest task 9.0 ms)');
    expect(line).toContain('wikipedia-2 100 → 110 ms (1.10×, longest task 15 ms)');
  });

  it('sets Factlens beside the content-script floor of the same page', () => {
    const summary = (median: number, n: number) => ({ median, min: median, max: median, n });
    const lines = onceLines({
      pages: [{ id: 'no-mentions', factlens: { cpuMs: summary(16, 9) } }],
      once: {
        contentScript: { rawBytes: 18_000, gzipBytes: 7_000 },
        memory: null,
        hover: null,
        apiFloor: { page: 'no-mentions', cpuMs: summary(4, 9) },
      },
    } as unknown as Parameters<typeof onceLines>[0]);
    const line = lines.find((l) => l.startsWith('content-script floor'));
    expect(line).toContain('on no-mentions');
    expect(line).toContain('4.0 ms median of 9; Factlens 16 ms, 4.0× it');
  });
});
