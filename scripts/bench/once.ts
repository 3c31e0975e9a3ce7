// Figures taken once per run: the content script's size, memory per tab, and how long the card
// takes to appear once the hover delay has elapsed.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { cardLocator, hoverMark, markedTexts } from '../../tests/e2e/page-helpers';
import { MARKED, settledHeap } from './runs';
import { summarize } from './stats';
import { sleep, Tab } from './tab';

export async function contentScriptSize(path: string): Promise<{ rawBytes: number; gzipBytes: number }> {
  const source = await readFile(path);
  return { rawBytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}

export async function memoryPerTab(
  context: BrowserContext,
  url: string,
  repeats: number,
  setPaused: (paused: boolean) => Promise<void>,
) {
  const on = [];
  const paused = [];
  for (let i = 0; i < repeats; i++) {
    await setPaused(false);
    on.push(await settledHeap(context, url, true));
    await setPaused(true);
    paused.push(await settledHeap(context, url, false));
  }
  const onBytes = summarize(on.map((h) => h.used));
  const pausedBytes = summarize(paused.map((h) => h.used));
  const domOnBytes = summarize(on.map((h) => h.embedder));
  const domPausedBytes = summarize(paused.map((h) => h.embedder));
  return {
    onBytes,
    pausedBytes,
    addedBytes: onBytes.median - pausedBytes.median,
    domOnBytes,
    domPausedBytes,
    domAddedBytes: domOnBytes.median - domPausedBytes.median,
  };
}

const REQUESTED = 'factlens:card-requested';
const DETECTOR_LOAD = 'factlens:detector-load';
const SHOWN = 'factlens:card-shown';

/** The most recent `requested → shown` gap, in ms. */
async function lastGap(tab: Tab): Promise<number> {
  return tab.evaluate<number>(`(() => {
    const last = (name) => performance.getEntriesByName(name).at(-1).startTime;
    return last(${JSON.stringify(SHOWN)}) - last(${JSON.stringify(REQUESTED)});
  })()`);
}

/**
 * Rests the pointer on a mention and times requested → shown. Each load gives one cold figure
 * (the card's data comes from the background for the first time) and `hoversPerLoad - 1` warm ones.
 */
export async function hoverLatency(
  context: BrowserContext,
  url: string,
  loads: number,
  hoversPerLoad = 3,
): Promise<{ text: string; coldMs: number[]; warmMs: number[]; detectorLoadMs: number[] }> {
  const coldMs: number[] = [];
  const warmMs: number[] = [];
  const detectorLoadMs: number[] = [];
  let text = '';
  for (let i = 0; i < loads; i++) {
    const tab = await Tab.open(context);
    try {
      await tab.page.goto(url, { waitUntil: 'load' });
      await tab.waitForEntry(MARKED, 30_000);
      // Turning the precompiled detector into the page's engine, on the content script's cold code.
      detectorLoadMs.push(
        await tab.evaluate<number>(
          `performance.getEntriesByName(${JSON.stringify(DETECTOR_LOAD)})[0].duration`,
        ),
      );
      // The alphabetically first marked text, so every run hovers the same mention.
      text = [...new Set(await markedTexts(tab.page))].sort()[0] ?? '';
      if (!text) throw new Error(`no marks on ${url}: the detector table may lack its names`);
      for (let h = 0; h < hoversPerLoad; h++) {
        const shown = await tab.entryCount(SHOWN);
        await hoverMark(tab.page, text);
        await tab.waitForEntry(SHOWN, 10_000, shown + 1);
        (h === 0 ? coldMs : warmMs).push(await lastGap(tab));
        await tab.page.mouse.move(2, 2);
        await cardLocator(tab.page)
          .waitFor({ state: 'hidden', timeout: 5_000 })
          .catch(() => {});
        await sleep(200);
      }
    } finally {
      await tab.close();
    }
  }
  return { text, coldMs, warmMs, detectorLoadMs };
}
