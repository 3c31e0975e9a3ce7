import { describe, expect, it } from 'vitest';
import { eventUrl, type TraceEvent, taskStats, windowStats } from './trace';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const isExt = (url: string) => url.startsWith('chrome-extension://');
const MAIN = { pid: 1, tid: 10 };

const meta = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  pid,
  tid,
  args: { name },
});
const task = (ts: number, dur: number, where = MAIN): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  ts,
  dur,
  ...where,
});
const call = (ts: number, dur: number, url: string, where = MAIN): TraceEvent => ({
  name: 'FunctionCall',
  ph: 'X',
  ts,
  dur,
  ...where,
  args: { data: { url } },
});

describe('eventUrl', () => {
  it('reads data.url or fileName', () => {
    expect(eventUrl(call(0, 1, EXT))).toBe(EXT);
    expect(eventUrl({ name: 'v8.run', ph: 'X', ts: 0, pid: 1, tid: 1, args: { fileName: EXT } })).toBe(EXT);
    expect(eventUrl(task(0, 1))).toBeUndefined();
  });
});

describe('taskStats', () => {
  const events = [
    meta(1, 10, 'CrRendererMain'),
    meta(1, 11, 'Compositor'),
    task(0, 80_000), // a page task: not ours
    call(1_000, 70_000, 'https://page/app.js'),
    task(100_000, 30_000), // ours, by event
    call(101_000, 5_000, EXT),
    call(110_000, 5_000, EXT),
    task(200_000, 60_000), // ours, by profile sample only (a promise continuation)
    task(300_000, 90_000, { pid: 1, tid: 11 }), // another thread: ignored
    call(301_000, 80_000, EXT, { pid: 1, tid: 11 }),
    { name: 'Layout', ph: 'X', ts: 210_000, dur: 40_000, ...MAIN },
  ];

  it('finds the tasks that ran the script, by trace event or by CPU sample', () => {
    const stats = taskStats(events, isExt, [{ ts: 205_000, dur: 100 }]);
    expect(stats.tasks).toBe(2);
    expect(stats.longestMs).toBe(60);
    expect(stats.longestOwnMs).toBeCloseTo(0.1);
    expect(stats.longestRenderingMs).toBe(40);
    expect(stats.over50ms).toBe(1);
    expect(stats.ownMs).toBeCloseTo(10.1);
  });

  it('without samples, sees only the tasks with events', () => {
    const stats = taskStats(events, isExt);
    expect(stats).toMatchObject({ tasks: 1, longestMs: 30, over50ms: 0 });
    expect(stats.longestOwnMs).toBeCloseTo(10);
  });

  it('counts nested task events once', () => {
    const nested = [
      meta(1, 10, 'CrRendererMain'),
      task(0, 20_000),
      task(5_000, 10_000),
      call(6_000, 1_000, EXT),
    ];
    expect(taskStats(nested, isExt).tasks).toBe(1);
    expect(taskStats(nested, isExt).longestMs).toBe(20);
  });
});

describe('windowStats', () => {
  it('measures the main thread between the load event and a user-timing mark', () => {
    const events: TraceEvent[] = [
      meta(1, 10, 'CrRendererMain'),
      { name: 'MarkLoad', ph: 'I', ts: 1_000_000, ...MAIN, args: { data: { isMainFrame: true } } },
      task(990_000, 20_000), // straddles the load event: 10 ms count
      task(1_100_000, 30_000),
      { name: 'Paint', ph: 'X', ts: 1_105_000, dur: 5_000, ...MAIN },
      task(1_300_000, 50_000), // after the mark: 0 ms count
      { name: 'factlens:marked', cat: 'blink.user_timing', ph: 'R', ts: 1_200_000, ...MAIN },
    ];
    expect(windowStats(events, 'factlens:marked')).toEqual({ windowMs: 200, busyMs: 40, renderingMs: 5 });
  });

  it('is null without the mark', () => {
    expect(windowStats([task(0, 1)], 'factlens:marked')).toBeNull();
  });
});
