// One measured page load each: Factlens marking the page, or (with Factlens paused) the cost floor
// and mark.js run in the same page. Each returns raw figures; browser.ts takes the medians.
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

export interface FactlensRun {
  cpu: Attribution;
  tasks: TaskStats;
  /** Main-thread activity between the load event and factlens:marked. */
  window: WindowStats | null;
  profile: CpuProfile;
  loadToMarkedMs: number;
  marks: number;
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
    const timing = await tab.evaluate<{ loadToMarkedMs: number; marks: number }>(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const marked = performance.getEntriesByName(${JSON.stringify(MARKED)})[0];
      return { loadToMarkedMs: marked.startTime - nav.loadEventStart, marks: marked.detail?.marks ?? 0 };
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

export interface MarkjsRun {
  cpu: Attribution;
  profile: CpuProfile | null;
  tasks: TaskStats;
  result: MarkjsResult;
  heapAdded: HeapUsage;
  timedOut: boolean;
}

export interface BaselineRun {
  /** Heap of the page with Factlens paused, before anything is injected. */
  pausedHeap: HeapUsage;
  /** Factlens painted highlights although it should be paused. */
  factlensActive: boolean;
  info: PageInfo;
  floor: { cpu: Attribution; result: FloorResult };
  markjs: MarkjsRun | null;
}

const heapDelta = (after: HeapUsage, before: HeapUsage): HeapUsage => ({
  used: after.used - before.used,
  embedder: after.embedder - before.embedder,
});

/**
 * Loads the page with Factlens paused, then runs the floor and, unless `markjsSource` is null,
 * mark.js over the same alias list. The floor runs first: mark.js rewrites the DOM. The forced GC
 * between them drops the strings the floor read, so mark.js starts about as cold.
 */
export async function baselineRun(
  context: BrowserContext,
  url: string,
  intervalUs: number,
  markjsSource: string | null,
  aliases: readonly string[],
  markjsBudgetMs: number,
): Promise<BaselineRun> {
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

    let markjs: MarkjsRun | null = null;
    if (markjsSource !== null) {
      const before = await tab.heap();
      await tab.startTrace();
      await tab.startProfile(intervalUs);
      await tab.evaluate(markjsLibrary(markjsSource));
      // The budget is checked between alias groups; one group on a huge page can overrun it.
      const hardLimitMs = markjsBudgetMs + 60_000;
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        tab.evaluate<MarkjsResult>(markjsRunSource(aliases, markjsBudgetMs), true),
        new Promise<null>((done) => {
          timer = setTimeout(() => done(null), hardLimitMs);
        }),
      ]);
      clearTimeout(timer);
      if (outcome === null) {
        // Still busy: stop the script so the tab can close; the limit is a lower bound.
        await tab.cdp.send('Runtime.terminateExecution').catch(() => {});
        closed = true;
        await tab.close();
        const bound = {
          attributedMs: hardLimitMs,
          ownSelfMs: Number.NaN,
          gcMs: Number.NaN,
          busyMs: Number.NaN,
        };
        markjs = {
          cpu: { ...bound, samples: 0, byFunction: [] },
          profile: null,
          tasks: {
            tasks: 1,
            longestMs: hardLimitMs,
            longestOwnMs: hardLimitMs,
            longestRenderingMs: Number.NaN,
            ownMs: Number.NaN,
            over50ms: 1,
          },
          result: { ms: hardLimitMs, marks: Number.NaN, aliasesDone: 0, aliasesTotal: aliases.length },
          heapAdded: { used: Number.NaN, embedder: Number.NaN },
          timedOut: true,
        };
      } else {
        const profile = await tab.stopProfile();
        const cpu = attributeProfile(profile, isMarkjsUrl);
        const tasks = taskStats(await tab.stopTrace(), isMarkjsUrl, ownSamples(profile, isMarkjsUrl));
        const heapAdded = heapDelta(await tab.heap(), before);
        markjs = { cpu, profile, tasks, result: outcome, heapAdded, timedOut: false };
      }
    }
    return { pausedHeap, factlensActive, info, floor, markjs };
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
