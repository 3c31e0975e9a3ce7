// The in-browser benchmark again with the reader's own entries: 1,000 made-up aliases imported as
// a pack, as a reader would (the background compiles them into the engine and its gate), then
// Factlens alone on a few pages, beside the built-in-only figures of the same run.
import type { BrowserContext } from 'playwright-core';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { builtInIndexOf } from '../../lib/knowledge/engine';
import { writePack } from '../../lib/knowledge/pack';
import type { ExtensionBrowser } from '../../tests/e2e/browser';
import type { PageResult } from './results';
import { factlensRun } from './runs';
import { median } from './stats';
import { makeUserEntities } from './user-entities';

export const USER_ALIASES_IN_BROWSER = 1000;

export interface UserAliasPage {
  id: string;
  builtInMs: number;
  withUserMs: number;
  floorMs: number | null;
  naiveMs: number | null;
  longestTaskMs: number;
  /** Of the runs, how many read the detector (the page had text that passed the gate). */
  detectorReads: number;
  runs: number;
}

export interface UserAliasRun {
  aliases: number;
  entries: number;
  pages: UserAliasPage[];
}

/** Imports the entries through the background and waits until pages would load their engine. */
async function importEntries(browser: ExtensionBrowser, aliasCount: number): Promise<number> {
  const table = loadDetectorTable();
  const avoid = { ids: new Set(table.entities.map((e) => e.id)), aliasKeys: builtInIndexOf(table) };
  const entities = makeUserEntities(aliasCount, { avoid });
  const text = writePack({ entities, notes: [], packs: [] }, { name: 'Bench entries', author: 'bench' });
  const page = await browser.openExtensionPage('options.html');
  try {
    const answer = (await page.evaluate(
      (t) => chrome.runtime.sendMessage({ type: 'packs/import', text: t }),
      text,
    )) as { ok?: boolean; message?: string } | undefined;
    if (!answer?.ok) throw new Error(`the pack was not imported: ${answer?.message ?? 'no answer'}`);
    // The engine and its gate are written together, with the digest of the entries.
    await page.waitForFunction(
      async () => {
        const got = await chrome.storage.local.get(['detector', 'detector-gate']);
        const user = (got.detector as { user?: string } | undefined)?.user;
        return !!user && (got['detector-gate'] as { user?: string } | undefined)?.user === user;
      },
      undefined,
      { timeout: 60_000, polling: 250 },
    );
  } finally {
    await page.close();
  }
  return entities.length;
}

export async function runWithUserAliases(
  browser: ExtensionBrowser,
  context: BrowserContext,
  pages: readonly { id: string; url: string; result: PageResult | undefined }[],
  repeats: number,
  intervalUs: number,
): Promise<UserAliasRun> {
  const entries = await importEntries(browser, USER_ALIASES_IN_BROWSER);
  const out: UserAliasPage[] = [];
  for (const { id, url, result } of pages) {
    if (!result) continue;
    const runs = [];
    for (let r = 0; r < repeats; r++) runs.push(await factlensRun(context, url, intervalUs));
    out.push({
      id,
      builtInMs: result.factlens.cpuMs.median,
      withUserMs: median(runs.map((f) => f.cpu.attributedMs)),
      floorMs: result.floor?.cpuMs.median ?? null,
      naiveMs: result.naive?.cpuMs.median ?? null,
      longestTaskMs: Math.max(...runs.map((f) => f.tasks.longestMs)),
      detectorReads: runs.filter((f) => f.readDetector).length,
      runs: runs.length,
    });
  }
  return { aliases: USER_ALIASES_IN_BROWSER, entries, pages: out };
}
