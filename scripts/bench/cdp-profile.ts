// Attributes a CDP CPU profile (Profiler.stop) to one script. A sample counts as the script's when
// any frame of its stack comes from that script, so native DOM calls it makes (TreeWalker.nextNode,
// checkVisibility, splitText) are charged to it; that is the only fair way to compare a scanner
// with a bare TreeWalker, whose cost is almost all native. The strict figure (samples whose leaf is
// the script's own JavaScript) is kept alongside.

export interface CallFrame {
  functionName: string;
  url: string;
  /** 0-based, as CDP gives them. */
  lineNumber: number;
  columnNumber: number;
  scriptId?: string;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
  parent?: number;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds. */
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  /** Function name, or `(anonymous)`. */
  name: string;
  url: string;
  /** 1-based position of the function in its script. */
  line: number;
  column: number;
  /** True for the script's own JavaScript; false for native code or other scripts it called. */
  own: boolean;
  ms: number;
}

export interface Attribution {
  /** Samples with a frame from the script anywhere in the stack. */
  attributedMs: number;
  /** Samples whose leaf frame is the script's own JavaScript (self time of its nodes). */
  ownSelfMs: number;
  /** Garbage collection anywhere in the profile; V8 does not say whose allocations caused it. */
  gcMs: number;
  /** Everything sampled that was not idle. */
  busyMs: number;
  samples: number;
  /** Where the attributed time goes, by leaf function, most expensive first. */
  byFunction: FunctionCost[];
}

const GC = '(garbage collector)';
const IDLE = '(idle)';

/** Per-sample durations in µs: from each sample to the next (the last one runs to endTime). */
export function sampleDurations(profile: CpuProfile): number[] {
  const deltas = profile.timeDeltas ?? [];
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of deltas) {
    t += d;
    times.push(t);
  }
  return times.map((ts, i) => Math.max(0, (times[i + 1] ?? profile.endTime) - ts));
}

/** Sample timestamps in µs, on the same clock as the profile's startTime. */
export function sampleTimes(profile: CpuProfile): number[] {
  let t = profile.startTime;
  return (profile.timeDeltas ?? []).map((d) => (t += d));
}

function parentsOf(nodes: readonly ProfileNode[]): Map<number, number> {
  const parent = new Map<number, number>();
  for (const node of nodes) {
    if (node.parent !== undefined) parent.set(node.id, node.parent);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  return parent;
}

/** Which nodes have a frame from the script at or above them. */
export function ownStacks(profile: CpuProfile, isOwn: (url: string) => boolean): Map<number, boolean> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = parentsOf(profile.nodes);
  const memo = new Map<number, boolean>();
  const resolve = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // Walk up until a known answer or the root, then fill the memo on the way back.
    const path: number[] = [];
    let answer = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const cached = memo.get(at);
      if (cached !== undefined) {
        answer = cached;
        break;
      }
      path.push(at);
      if (isOwn(byId.get(at)?.callFrame.url ?? '')) {
        answer = true;
        break;
      }
    }
    for (const p of path) memo.set(p, answer);
    return answer;
  };
  for (const node of profile.nodes) resolve(node.id);
  return memo;
}

/** The script's samples as timestamps and durations (µs), to find the tasks it ran in. */
export function ownSamples(
  profile: CpuProfile,
  isOwn: (url: string) => boolean,
): { ts: number; dur: number }[] {
  const own = ownStacks(profile, isOwn);
  const times = sampleTimes(profile);
  const durations = sampleDurations(profile);
  const out: { ts: number; dur: number }[] = [];
  (profile.samples ?? []).forEach((id, i) => {
    if (own.get(id)) out.push({ ts: times[i]!, dur: durations[i] ?? 0 });
  });
  return out;
}

export function attributeProfile(profile: CpuProfile, isOwn: (url: string) => boolean): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const own = ownStacks(profile, isOwn);
  const durations = sampleDurations(profile);
  const costs = new Map<string, FunctionCost>();
  let attributed = 0;
  let ownSelf = 0;
  let gc = 0;
  let busy = 0;
  const samples = profile.samples ?? [];
  samples.forEach((id, i) => {
    const us = durations[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    const name = frame?.functionName ?? '';
    if (name === IDLE) return;
    busy += us;
    if (name === GC) gc += us;
    if (!own.get(id) || !frame) return;
    attributed += us;
    const leafOwn = isOwn(frame.url);
    if (leafOwn) ownSelf += us;
    const key = `${frame.url}\u0000${frame.lineNumber}\u0000${frame.columnNumber}\u0000${name}`;
    const cost = costs.get(key) ?? {
      name: name || '(anonymous)',
      url: frame.url,
      line: frame.lineNumber + 1,
      column: frame.columnNumber + 1,
      own: leafOwn,
      ms: 0,
    };
    cost.ms += us / 1000;
    costs.set(key, cost);
  });
  return {
    attributedMs: attributed / 1000,
    ownSelfMs: ownSelf / 1000,
    gcMs: gc / 1000,
    busyMs: busy / 1000,
    samples: samples.length,
    byFunction: [...costs.values()].sort((a, b) => b.ms - a.ms),
  };
}

/**
 * A short excerpt of minified source at a profile position (1-based), so a reader can tell which
 * function a mangled name like `Wr` is.
 */
export function sourceExcerpt(source: string, line: number, column: number, length = 72): string {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return '';
    offset = next + 1;
  }
  const start = offset + Math.max(0, column - 1);
  return source.slice(start, start + length).replace(/\s+/g, ' ');
}
