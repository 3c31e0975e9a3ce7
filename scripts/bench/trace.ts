// Finds the main-thread tasks a script runs in, from a Chromium trace (Tracing domain,
// devtools.timeline categories). A task is a top-level `RunTask` on a renderer main thread; it is
// the script's when an event naming the script's URL (FunctionCall, EvaluateScript, v8.compile,
// v8.run) starts inside it, or when a CPU-profile sample of the script falls inside it: code run
// from a promise continuation leaves no such event, only samples. The whole task counts, as the
// long-task API would see it. Trace and profile timestamps share Chromium's monotonic clock.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

export interface TaskStats {
  /** Tasks that ran the script's code. */
  tasks: number;
  /** The longest of them, whole (µs → ms). */
  longestMs: number;
  /** Time inside the longest task spent in the script's own events. */
  longestOwnMs: number;
  /** Style, layout, paint and hit testing inside the longest task (e.g. a layout the script forced). */
  longestRenderingMs: number;
  /** Sum of the script's own event time over all its tasks (a trace-based CPU figure). */
  ownMs: number;
  /** How many of its tasks ran longer than 50 ms. */
  over50ms: number;
}

// RunTask lives in the disabled-by-default category; FunctionCall, EvaluateScript, v8.compile,
// layout and paint in devtools.timeline; performance.mark() in blink.user_timing. The noisy 'v8'
// categories are left out: they slow the trace down and CPU samples cover what they would add.
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

/** Trace events of the rendering pipeline: style, layout, paint, hit testing. */
const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
]);

/** A CPU-profile sample of the script: its timestamp and the time it stands for (µs). */
export interface OwnSample {
  ts: number;
  dur: number;
}

/** The script URL an event is about, if it names one. */
export function eventUrl(event: TraceEvent): string | undefined {
  const args = event.args ?? {};
  const data = (args.data ?? {}) as Record<string, unknown>;
  const url = data.url ?? args.fileName ?? data.fileName;
  return typeof url === 'string' ? url : undefined;
}

function mainThreads(events: readonly TraceEvent[]): Set<string> | null {
  const threads = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string) === 'CrRendererMain') {
      threads.add(`${e.pid}:${e.tid}`);
    }
  }
  return threads.size ? threads : null;
}

/** Length of the union of [start, end) intervals clipped to [from, to). */
function unionLength(intervals: [number, number][], from: number, to: number): number {
  const clipped = intervals
    .map(([s, e]): [number, number] => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of clipped) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

export function taskStats(
  events: readonly TraceEvent[],
  isOwn: (url: string) => boolean,
  samples: readonly OwnSample[] = [],
): TaskStats {
  const threads = mainThreads(events);
  const sorted = [...samples].sort((a, b) => a.ts - b.ts);
  const onMain = (e: TraceEvent) => !threads || threads.has(`${e.pid}:${e.tid}`);
  const tasks = new Map<string, TraceEvent[]>();
  const owned = new Map<string, TraceEvent[]>();
  const rendering = new Map<string, [number, number][]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const e of events) {
    if (e.ph !== 'X' || !onMain(e)) continue;
    const thread = `${e.pid}:${e.tid}`;
    if (e.name === 'RunTask') {
      push(tasks, thread, e);
      continue;
    }
    if (RENDERING.has(e.name)) push(rendering, thread, [e.ts, e.ts + (e.dur ?? 0)] as [number, number]);
    const url = eventUrl(e);
    if (url && isOwn(url)) push(owned, thread, e);
  }
  const stats: TaskStats = {
    tasks: 0,
    longestMs: 0,
    longestOwnMs: 0,
    longestRenderingMs: 0,
    ownMs: 0,
    over50ms: 0,
  };
  for (const [thread, threadTasks] of tasks) {
    const mine = (owned.get(thread) ?? []).sort((a, b) => a.ts - b.ts);
    // Nested RunTasks (a nested run loop) would double count: keep only the outermost ones.
    const outer: TraceEvent[] = [];
    for (const t of threadTasks.sort((a, b) => a.ts - b.ts)) {
      const last = outer.at(-1);
      if (last && t.ts < last.ts + (last.dur ?? 0)) continue;
      outer.push(t);
    }
    let i = 0;
    let k = 0;
    for (const task of outer) {
      const end = task.ts + (task.dur ?? 0);
      while (i < mine.length && mine[i]!.ts < task.ts) i++;
      const inside: [number, number][] = [];
      for (let j = i; j < mine.length && mine[j]!.ts < end; j++) {
        inside.push([mine[j]!.ts, mine[j]!.ts + (mine[j]!.dur ?? 0)]);
      }
      while (k < sorted.length && sorted[k]!.ts < task.ts) k++;
      let sampledUs = 0;
      let sampled = false;
      for (let j = k; j < sorted.length && sorted[j]!.ts < end; j++) {
        sampled = true;
        sampledUs += sorted[j]!.dur;
      }
      if (inside.length === 0 && !sampled) continue;
      const ms = (task.dur ?? 0) / 1000;
      const ownMs = Math.max(unionLength(inside, task.ts, end), Math.min(sampledUs, end - task.ts)) / 1000;
      stats.tasks++;
      stats.ownMs += ownMs;
      if (ms > 50) stats.over50ms++;
      if (ms > stats.longestMs) {
        stats.longestMs = ms;
        stats.longestOwnMs = ownMs;
        stats.longestRenderingMs = unionLength(rendering.get(thread) ?? [], task.ts, end) / 1000;
      }
    }
  }
  return stats;
}

export interface WindowStats {
  /** From the page's load event to the named user-timing mark. */
  windowMs: number;
  /** Main-thread time in tasks during that window, whoever ran them. */
  busyMs: number;
  /** Of which style, layout, paint and hit testing (highlights repaint; caret probes lay out). */
  renderingMs: number;
}

/**
 * What the main thread did between the load event and a user-timing mark (e.g. factlens:marked),
 * in the renderer that set the mark. Null when either end is missing from the trace.
 */
export function windowStats(events: readonly TraceEvent[], markName: string): WindowStats | null {
  const mark = events.find((e) => e.name === markName && (e.cat ?? '').includes('user_timing'));
  if (!mark) return null;
  const loads = events.filter(
    (e) =>
      e.name === 'MarkLoad' &&
      e.pid === mark.pid &&
      e.ts <= mark.ts &&
      (e.args?.data as { isMainFrame?: boolean } | undefined)?.isMainFrame !== false,
  );
  const load = loads.sort((a, b) => b.ts - a.ts)[0];
  if (!load) return null;
  const threads = mainThreads(events);
  const main = events.find(
    (e) => e.name === 'RunTask' && e.pid === mark.pid && (!threads || threads.has(`${e.pid}:${e.tid}`)),
  );
  if (!main) return null;
  const onMain = (e: TraceEvent) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid;
  const spans = (pick: (e: TraceEvent) => boolean): [number, number][] =>
    events.filter((e) => onMain(e) && pick(e)).map((e) => [e.ts, e.ts + (e.dur ?? 0)]);
  return {
    windowMs: (mark.ts - load.ts) / 1000,
    busyMs:
      unionLength(
        spans((e) => e.name === 'RunTask'),
        load.ts,
        mark.ts,
      ) / 1000,
    renderingMs:
      unionLength(
        spans((e) => RENDERING.has(e.name)),
        load.ts,
        mark.ts,
      ) / 1000,
  };
}
