// The shape of a browser benchmark run, as printed and as written to bench-output/*.json.
import type { BuildInfo } from './build';
import type { FunctionCost } from './cdp-profile';
import type { PhaseBreakdown } from './phases';
import type { Summary } from './stats';
import type { UserAliasRun } from './with-user-aliases';

export interface HotFunction extends FunctionCost {
  /** The start of the function in the minified bundle, to tell mangled names apart. */
  excerpt: string;
}

export interface ScannerFigures {
  /** Main-thread CPU in samples whose stack holds the script (its JS and the native calls it makes). */
  cpuMs: Summary;
  /** Self time of the script's own JavaScript nodes only. */
  selfMs: Summary;
  /** The same from the trace: time inside the script's own trace events. */
  traceMs: Summary;
  /** Longest main-thread task that ran the script's code (whole task). */
  longestTaskMs: Summary;
  /** Style/layout/paint/hit testing inside that task: work the script forced. */
  longestTaskRenderingMs: Summary;
  /** Tasks over 50 ms that ran the script's code (the worst run). */
  tasksOver50ms: number;
  /** Garbage collection during the measured window, anyone's. */
  gcMs: Summary;
  /** V8 heap (used) added, after a forced GC. */
  heapAddedBytes: Summary;
  /** Blink (embedder) heap added: DOM nodes, ranges. */
  domHeapAddedBytes: Summary;
  marks: number;
  runs: number;
}

export interface FactlensFigures extends ScannerFigures {
  /** From the load event to the `factlens:marked` user-timing mark. */
  loadToMarkedMs: Summary;
  /** Main-thread time in tasks (anyone's) between the load event and factlens:marked. */
  busyToMarkedMs: Summary;
  /** Of which style, layout, paint and hit testing. */
  renderingToMarkedMs: Summary;
  /** Where the content script's time goes in the median run, by leaf function. */
  hotFunctions: HotFunction[];
  /** The same run's time by phase (script evaluation, settings, engine load, walk, scan…). */
  phases?: PhaseBreakdown;
}

/** What a baseline cut short by its time budget reports beside its (extrapolated) figures. */
interface BudgetedFigures extends ScannerFigures {
  /** Share of the work done before the time budget ran out (what each baseline counts: below). */
  coverage: number;
  extrapolated: boolean;
  /** What was measured, before any extrapolation. */
  measuredCpuMs: Summary;
  /** A run hit the hard time limit; its figures are lower bounds. */
  timedOut: boolean;
  hotFunctions: HotFunction[];
}

/**
 * coverage: the share of the aliases marked. Below 1, cpuMs, traceMs, longestTaskMs and runMs are
 * extrapolated to the whole list (mark.js's cost is linear in it). Heap and marks never are.
 */
export interface MarkjsFigures extends BudgetedFigures {
  /** Wall time of the mark() calls, measured in the page. */
  runMs: Summary;
}

/**
 * coverage: the share of the page's readable text scanned. Below 1, cpuMs, selfMs, traceMs,
 * longestTaskMs and runMs are extrapolated to the whole text. Heap and marks never are.
 */
export interface NaiveFigures extends BudgetedFigures {
  /** Wall time of the pass, measured in the page. */
  runMs: Summary;
}

export interface FloorFigures {
  cpuMs: Summary;
  runMs: Summary;
  textNodes: number;
  chars: number;
}

export interface Targets {
  /** Factlens CPU ≤ 0.5 × mark.js. */
  halfOfMarkjs: boolean | null;
  /** Factlens CPU ≤ 3 × the floor. */
  withinThreeFloors: boolean | null;
  /** No task over 50 ms runs Factlens code. */
  noLongTask: boolean | null;
  /** Factlens CPU ≤ 0.25 × the naive highlighter. */
  quarterOfNaive: boolean | null;
}

export interface PageResult {
  id: string;
  kind: 'corpus' | 'synthetic';
  bytes: number;
  textChars: number;
  textNodes: number;
  elements: number;
  factlens: FactlensFigures;
  markjs: MarkjsFigures;
  naive: NaiveFigures;
  floor: FloorFigures;
  ratios: { vsMarkjs: number; vsFloor: number; vsNaive: number };
  targets: Targets;
  error?: string;
}

export interface OncePerRun {
  contentScript: { rawBytes: number; gzipBytes: number };
  memory: {
    page: string;
    onBytes: Summary;
    pausedBytes: Summary;
    addedBytes: number;
    domOnBytes: Summary;
    domPausedBytes: Summary;
    domAddedBytes: number;
  } | null;
  hover: { page: string; text: string; coldMs: Summary; warmMs: Summary } | null;
  /** Factlens again on a few pages with 1,000 of the reader's own aliases imported (with-user-aliases.ts). */
  userAliases?: UserAliasRun | null;
  /** Turning the precompiled detector into the page's engine, per fresh page load. */
  detectorLoadMs?: Summary;
  /** A stand-in content script that only reads storage and listens, on one page (api-floor.ts). */
  apiFloor?: { page: string; cpuMs: Summary } | null;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
}

export interface BrowserBenchResult {
  date: string;
  chromium: string;
  machine: Machine;
  build: BuildInfo;
  repeats: number;
  samplingIntervalUs: number;
  aliases: number;
  markjsMode: string;
  naiveMode: string;
  pages: PageResult[];
  once: OncePerRun;
  notes: string[];
  durationMs: number;
  jsonPath?: string;
}
