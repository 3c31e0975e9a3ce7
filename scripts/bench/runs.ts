// One measured page load each: Factlens marking the page, or (with Factlens paused) the cost floor,
// the naive highlighter and mark.js run in the same page. Each returns raw figures; browser.ts
// takes the medians.
import type { BrowserContext } from 'playwright-core';
import { type Attribution, attributeProfile, type CpuProfile, ownSamples } from './cdp-profile';
import {
  FLOOR_SOURCE,
  FLOOR_URL,
  type FloorResult,
  MARKJS_RUN_URL,
  MARKJS_URL,
  type MarkjsResult,
  markjsLibrary,
  markjsRunSource,
  NAIVE_CLEANUP_SOURCE,
  NAIVE_URL,
  type NaiveResult,
  naiveRunSource,
  PAGE_INFO_SOURCE,
  type PageInfo,
} from './in-page';
import { type HeapUsage, sleep, Tab } from './tab';
import { type TaskStats, taskStats, type WindowStats, windowStats } from './trace';

export const MARKED = 'factlens:marked';
const LOAD_TIMEOUT_MS = 90_000;
/** After the load event, time for a paused content script to start and settle. */
const SETTLE_MS = 400;

export const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');
const isMarkjsUrl = (url: string) => url === MARKJS_URL || url === MARKJS_RUN_URL;
const isFloorUrl = (url: string) => url === FLOOR_URL;
const isNaiveUrl = (url: string) => url === NAIVE_URL;

export interface FactlensRun {
  cpu: Attribution;
  tasks: TaskStats;
  /** Main-thread activity between the load event and factlens:marked. */
  window: WindowStats | null;
  profile: CpuProfile;
  loadToMarkedMs: number;
  marks: number;
  /** Whether the page read the detector (some text passed the mention gate, or there was none). */
  readDetector: boolean;
  heap: HeapUsage;
}

export async function factlensRun(
  context: BrowserContext,
  url: string,
  intervalUs: number,
): Promise<FactlensRun> {
  const tab = await Tab.open(context);
  try {
    await tab.startTrace();
    await tab.startProfile(intervalUs);
    await tab.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await tab.waitForEntry(MARKED, LOAD_TIMEOUT_MS);
    const profile = await tab.stopProfile();
    const events = await tab.stopTrace();
    const timing = await tab.evaluate<{
      loadToMarkedMs: number;
      marks: number;
      readDetector: boolean;
    }>(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const marked = performance.getEntriesByName(${JSON.stringify(MARKED)})[0];
      return {
        loadToMarkedMs: marked.startTime - nav.loadEventStart,
        marks: marked.detail?.marks ?? 0,
        readDetector: performance.getEntriesByName('factlens:detector-load').length > 0,
      };
    })()`);
    return {
      cpu: attributeProfile(profile, isExtensionUrl),
      tasks: taskStats(events, isExtensionUrl, ownSamples(profile, isExtensionUrl)),
      window: windowStats(events, MARKED),
      profile,
      ...timing,
      heap: await tab.heap(),
    };
  } finally {
    await tab.close();
  }
}

/** One in-page script measured as mark.js is: CPU profile, trace, heap before and after. */
export interface ComparedRun<R> {
  cpu: Attribution;
  profile: CpuProfile | null;
  tasks: TaskStats;
  result: R;
  heapAdded: HeapUsage;
  timedOut: boolean;
}

export type MarkjsRun = ComparedRun<MarkjsResult>;

export interface NaiveRun extends ComparedRun<NaiveResult> {
  /** Readable characters of the page (the page info's figure), for the share a cut pass covered. */
  charsTotal: number;
}

export interface BaselineRun {
  /** Heap of the page with Factlens paused, before anything is injected. */
  pausedHeap: HeapUsage;
  /** Factlens painted highlights although it should be paused. */
  factlensActive: boolean;
  info: PageInfo;
  floor: { cpu: Attribution; result: FloorResult };
  naive: NaiveRun | null;
  markjs: MarkjsRun | null;
}

export interface BaselineOptions {
  /** mark.js's source, or null not to run it. */
  markjsSource: string | null;
  /** Run the naive highlighter. */
  naive: boolean;
  aliases: readonly string[];
  markjsBudgetMs: number;
  naiveBudgetMs: number;
}

const heapDelta = (after: HeapUsage, before: HeapUsage): HeapUsage => ({
  used: after.used - before.used,
  embedder: after.embedder - before.embedder,
});

/**
 * Runs one in-page script under a CPU profile and a trace, attributed to the URLs `isOwn` accepts,
 * with the heap it added after a forced GC. `setup` (a library) is evaluated first, inside the
 * measurement. The budget is checked inside the script; past `hardLimitMs` the script is stopped
 * and the tab closed, and the run reports the limit as a lower bound (`result` from `timedOut`).
 */
async function measureInPage<R>(
  tab: Tab,
  intervalUs: number,
  script: {
    setup?: string;
    run: string;
    isOwn: (url: string) => boolean;
    hardLimitMs: number;
    timedOut: (limitMs: number) => R;
  },
): Promise<{ run: ComparedRun<R>; closed: boolean }> {
  const before = await tab.heap();
  await tab.startTrace();
  await tab.startProfile(intervalUs);
  if (script.setup) await tab.evaluate(script.setup);
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    tab.evaluate<R>(script.run, true),
    new Promise<null>((done) => {
      timer = setTimeout(() => done(null), script.hardLimitMs);
    }),
  ]);
  clearTimeout(timer);
  if (outcome === null) {
    // Still busy: stop the script so the tab can close; the limit is a lower bound.
    await tab.cdp.send('Runtime.terminateExecution').catch(() => {});
    await tab.close();
    const limit = script.hardLimitMs;
    return {
      closed: true,
      run: {
        cpu: {
          attributedMs: limit,
          ownSelfMs: Number.NaN,
          gcMs: Number.NaN,
          busyMs: Number.NaN,
          samples: 0,
          byFunction: [],
        },
        profile: null,
        tasks: {
          tasks: 1,
          longestMs: limit,
          longestOwnMs: limit,
          longestRenderingMs: Number.NaN,
          ownMs: Number.NaN,
          over50ms: 1,
        },
        result: script.timedOut(limit),
        heapAdded: { used: Number.NaN, embedder: Number.NaN },
        timedOut: true,
      },
    };
  }
  const profile = await tab.stopProfile();
  const cpu = attributeProfile(profile, script.isOwn);
  const tasks = taskStats(await tab.stopTrace(), script.isOwn, ownSamples(profile, script.isOwn));
  const heapAdded = heapDelta(await tab.heap(), before);
  return { run: { cpu, profile, tasks, result: outcome, heapAdded, timedOut: false }, closed: false };
}

/** Past its budget a script gets this long to reach its next budget check before it is stopped. */
const HARD_LIMIT_GRACE_MS = 60_000;

/**
 * Loads the page with Factlens paused, then runs the floor, the naive highlighter and mark.js
 * over the same alias list, each measured alone. The floor runs first, on text no script has
 * touched; the naive highlighter next (it only reads the DOM, and its highlight is removed after
 * it); mark.js last, since it rewrites the DOM. The forced GC before each drops what the one
 * before it read, so each starts about as cold.
 */
export async function baselineRun(
  context: BrowserContext,
  url: string,
  intervalUs: number,
  options: BaselineOptions,
): Promise<BaselineRun> {
  const { aliases } = options;
  const tab = await Tab.open(context);
  let closed = false;
  try {
    await tab.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await sleep(SETTLE_MS);
    const factlensActive = await tab.evaluate<boolean>(
      `(CSS.highlights?.get('factlens-mark')?.size ?? 0) > 0 || performance.getEntriesByName(${JSON.stringify(MARKED)}).length > 0`,
    );
    const pausedHeap = await tab.heap();

    // The floor reads the page's text first, while no script has touched it yet.
    await tab.startProfile(intervalUs);
    const floorResult = await tab.evaluate<FloorResult>(FLOOR_SOURCE, true);
    const floor = { cpu: attributeProfile(await tab.stopProfile(), isFloorUrl), result: floorResult };
    const info = await tab.evaluate<PageInfo>(PAGE_INFO_SOURCE);

    let naive: NaiveRun | null = null;
    if (options.naive) {
      const measured = await measureInPage<NaiveResult>(tab, intervalUs, {
        run: naiveRunSource(aliases, options.naiveBudgetMs),
        isOwn: isNaiveUrl,
        hardLimitMs: options.naiveBudgetMs + HARD_LIMIT_GRACE_MS,
        timedOut: (ms) => ({ ms, marks: Number.NaN, nodesDone: 0, charsDone: 0, done: false }),
      });
      naive = { ...measured.run, charsTotal: info.textChars };
      closed = measured.closed;
      // Nothing of it stays for mark.js: its ranges go, and the next heap() collects them.
      if (!closed) await tab.evaluate<number>(NAIVE_CLEANUP_SOURCE);
    }

    let markjs: MarkjsRun | null = null;
    if (options.markjsSource !== null && !closed) {
      const measured = await measureInPage<MarkjsResult>(tab, intervalUs, {
        setup: markjsLibrary(options.markjsSource),
        run: markjsRunSource(aliases, options.markjsBudgetMs),
        isOwn: isMarkjsUrl,
        // The budget is checked between alias groups; one group on a huge page can overrun it.
        hardLimitMs: options.markjsBudgetMs + HARD_LIMIT_GRACE_MS,
        timedOut: (ms) => ({ ms, marks: Number.NaN, aliasesDone: 0, aliasesTotal: aliases.length }),
      });
      markjs = measured.run;
      closed = measured.closed;
    }
    return { pausedHeap, factlensActive, info, floor, naive, markjs };
  } finally {
    if (!closed) await tab.close();
  }
}

/** Heap of a page once loaded (and, with Factlens on, marked), for the memory-per-tab figure. */
export async function settledHeap(
  context: BrowserContext,
  url: string,
  waitForMarks: boolean,
): Promise<HeapUsage> {
  const tab = await Tab.open(context);
  try {
    await tab.page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    if (waitForMarks) await tab.waitForEntry(MARKED, LOAD_TIMEOUT_MS);
    else await sleep(SETTLE_MS);
    return await tab.heap();
  } finally {
    await tab.close();
  }
}
