// The in-browser benchmark: Factlens vs mark.js vs a naive highlighter (one TreeWalker pass,
// indexOf per alias) vs a bare TreeWalker, in the system Chromium with the built extension. It
// reports figures and ratios against targets; it never asserts them.
//
//   npx tsx scripts/bench/browser.ts [--no-build] [--repeats N] [--only id,id] [--extension-dir DIR]
//                                    [--markjs-budget-ms MS] [--naive-budget-ms MS]
//                                    [--save-profiles] [--skip-once] [--no-json]
//
// Prints a text table, Factlens's start-up on the no-mentions page by phase, and a Markdown
// table, and writes bench-output/browser-<date>.json.

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { type ExtensionBrowser, launchWithExtension } from '../../tests/e2e/browser';
import { assertChromiumInstalled, CHROMIUM_PATH } from '../../tests/e2e/chromium';
import { startServer } from '../../tests/e2e/server';
import { measureApiFloor } from './api-floor';
import { buildExtension, contentScriptPath, LAZY_FILES } from './build';
import { type Attribution, type CpuProfile, sourceExcerpt } from './cdp-profile';
import { parseArgs } from './cli-args';
import { MARKJS_URL, NAIVE_URL, naiveRunSource } from './in-page';
import { contentScriptSize, hoverLatency, memoryPerTab } from './once';
import { type BenchPage, benchPages } from './pages';
import { phaseBreakdown } from './phases';
import type { BrowserBenchResult, HotFunction, Machine, OncePerRun, PageResult } from './results';
import {
  type BaselineRun,
  baselineRun,
  type ComparedRun,
  type FactlensRun,
  factlensRun,
  isExtensionUrl,
  type NaiveRun,
} from './runs';
import { median, ratio, summarize } from './stats';
import { formatMarkdown, formatPhases, formatText } from './table';
import { runWithUserAliases, USER_ALIASES_IN_BROWSER } from './with-user-aliases';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface BrowserBenchOptions {
  /** Run `npm run build` first (default true). */
  build?: boolean;
  /** Measured runs per page and variant; medians are reported (default 3). */
  repeats?: number;
  /** Only pages whose id contains one of these strings. */
  only?: string[];
  extensionDir?: string;
  /** Where the JSON goes (default bench-output/ in the repository); null writes none. */
  outDir?: string | null;
  /** CPU profile sampling interval in µs (default 100). */
  samplingIntervalUs?: number;
  /**
   * mark.js stops after the alias group that crosses this budget, and its cost is extrapolated to
   * the whole alias list (default 4 s): with hundreds of aliases it would otherwise run for minutes.
   */
  markjsBudgetMs?: number;
  /**
   * The naive highlighter stops at the first budget check past this and its cost is extrapolated
   * to the whole text (default 15 s); a few seconds on the largest pages, normally.
   */
  naiveBudgetMs?: number;
  /** Also write the median runs' CPU profiles (.cpuprofile, for DevTools) beside the JSON. */
  saveProfiles?: boolean;
  /** Skip the once-per-run figures (memory per tab, hover latency). */
  skipOnce?: boolean;
  /** Minutes of the long-session run that `npm run bench` ends with (default 30; 0 skips it). */
  sessionMinutes?: number;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** Print the tables to stdout (default true). */
  print?: boolean;
}

/**
 * A mark.js or naive run this slow (or cut short) is not repeated: one run says enough in a
 * ~5 minute budget.
 */
const SLOW_REPEAT_LIMIT_MS = 5_000;
const HOVER_PAGE = '/news-en.html';
/** The page whose start-up is broken down by phase in the printout (every page's is in the JSON). */
const STARTUP_PAGE = 'no-mentions';
const TOP_FUNCTIONS = 12;

/** The alias list mark.js gets: the same aliases Factlens detects, compiled from data/. */
function readAliases(): string[] {
  return loadDetectorTable().aliases.map((a) => a.text);
}

function machine(): Machine {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${type()} ${release()}`,
    node: process.versions.node,
  };
}

async function chromiumVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const { product } = await cdp.send('Browser.getVersion');
    return product.replace('/', ' ');
  } catch {
    return `Chromium at ${CHROMIUM_PATH}`;
  } finally {
    await page.close();
  }
}

/**
 * Pauses or resumes Factlens by writing `settings.paused` in sync storage, as the popup does
 * (lib/settings/schema.ts). The write goes through an extension page kept open for the purpose:
 * unlike the service worker, a page is never stopped while the benchmark runs.
 */
async function pauseSwitch(browser: ExtensionBrowser): Promise<(paused: boolean) => Promise<void>> {
  const page = await browser.openExtensionPage('manifest.json');
  return async (paused) => {
    await page.evaluate(async (value) => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: {
            sync: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> };
          };
        };
      };
      const current = (await chrome.storage.sync.get('settings')).settings ?? {};
      await chrome.storage.sync.set({ settings: { ...(current as object), paused: value } });
    }, paused);
  };
}

function hotFunctions(
  attribution: Attribution | undefined,
  source: (url: string) => string | undefined,
): HotFunction[] {
  return (attribution?.byFunction ?? []).slice(0, TOP_FUNCTIONS).map((f) => {
    const text = f.own ? source(f.url) : undefined;
    return {
      ...f,
      ms: Math.round(f.ms * 100) / 100,
      excerpt: text === undefined ? '' : sourceExcerpt(text, f.line, f.column),
    };
  });
}

/** Nothing leaves the machine: requests other than to the local server or the extension's own files. */
const isLocalOrOwn = (url: URL) => url.hostname === '127.0.0.1' || url.protocol === 'chrome-extension:';

/** The run whose figure is the median (the lower middle one for an even count). */
function medianRun<T>(runs: readonly T[], value: (run: T) => number): T | undefined {
  const sorted = [...runs].sort((a, b) => value(a) - value(b));
  return sorted[(sorted.length - 1) >> 1];
}

/**
 * The figures of a baseline measured in the page (mark.js or the naive highlighter). Runs cut short
 * by the budget are scaled by `scale` (the whole job over the part done): CPU, trace and task
 * figures and the run time; heap, rendering and marks stay as measured.
 */
function comparedFigures<T extends ComparedRun<{ ms: number; marks: number }>>(
  runs: readonly T[],
  scale: readonly number[],
  coverage: (run: T) => number,
  hot: HotFunction[],
) {
  const scaled = (value: (r: T) => number) => summarize(runs.map((r, i) => value(r) * scale[i]!));
  return {
    cpuMs: scaled((r) => r.cpu.attributedMs),
    selfMs: scaled((r) => r.cpu.ownSelfMs),
    traceMs: scaled((r) => r.tasks.ownMs),
    longestTaskMs: scaled((r) => r.tasks.longestMs),
    longestTaskRenderingMs: summarize(runs.map((r) => r.tasks.longestRenderingMs)),
    tasksOver50ms: Math.max(0, ...runs.map((r) => r.tasks.over50ms)),
    gcMs: summarize(runs.map((r) => r.cpu.gcMs)),
    heapAddedBytes: summarize(runs.map((r) => r.heapAdded.used)),
    domHeapAddedBytes: summarize(runs.map((r) => r.heapAdded.embedder)),
    runMs: scaled((r) => r.result.ms),
    marks: median(runs.map((r) => r.result.marks)),
    runs: runs.length,
    coverage: median(runs.map(coverage)),
    extrapolated: scale.some((x) => x > 1),
    measuredCpuMs: summarize(runs.map((r) => r.cpu.attributedMs)),
    timedOut: runs.some((r) => r.timedOut),
    hotFunctions: hot,
  };
}

/** ≤ the limit: a ratio against a timed-out baseline is an upper bound, which can confirm, not refute. */
function targetMet(ratioValue: number, limit: number, upperBound: boolean): boolean | null {
  if (!Number.isFinite(ratioValue)) return null;
  return ratioValue <= limit ? true : upperBound ? null : false;
}

/** The share of the page's text a naive pass covered (1 when it finished). */
const naiveCoverage = (r: NaiveRun) =>
  r.result.done ? 1 : r.charsTotal > 0 ? Math.min(1, r.result.charsDone / r.charsTotal) : Number.NaN;

function summarizePage(
  page: BenchPage,
  fl: FactlensRun[],
  base: BaselineRun[],
  sources: { factlens: (url: string) => string; markjs: string; naive: string },
): PageResult {
  const mj = base.flatMap((b) => (b.markjs ? [b.markjs] : []));
  const nv = base.flatMap((b) => (b.naive ? [b.naive] : []));
  // Cut-short mark.js runs are scaled to the whole alias list, naive ones to the whole text.
  const markjsScale = mj.map((r) =>
    r.result.aliasesDone > 0 && r.result.aliasesDone < r.result.aliasesTotal
      ? r.result.aliasesTotal / r.result.aliasesDone
      : 1,
  );
  const naiveScale = nv.map((r) => {
    const share = naiveCoverage(r);
    return !r.timedOut && share > 0 && share < 1 ? 1 / share : 1;
  });
  const pausedHeaps = base.map((b) => b.pausedHeap);
  // Heap added by Factlens: each run against the paused load of the same repeat.
  const flHeap = fl.map((r, i) => r.heap.used - (pausedHeaps[i]?.used ?? Number.NaN));
  const flDom = fl.map((r, i) => r.heap.embedder - (pausedHeaps[i]?.embedder ?? Number.NaN));
  const info = base[0]?.info ?? { textChars: Number.NaN, textNodes: Number.NaN, elements: Number.NaN };
  const factlensCpu = summarize(fl.map((r) => r.cpu.attributedMs));
  const markjs = comparedFigures(
    mj,
    markjsScale,
    (r) => (r.result.aliasesTotal ? r.result.aliasesDone / r.result.aliasesTotal : 1),
    hotFunctions(medianRun(mj, (r) => r.cpu.attributedMs)?.cpu, (u) =>
      u === MARKJS_URL ? sources.markjs : undefined,
    ),
  );
  const naive = comparedFigures(
    nv,
    naiveScale,
    naiveCoverage,
    hotFunctions(medianRun(nv, (r) => r.cpu.attributedMs)?.cpu, (u) =>
      u === NAIVE_URL ? sources.naive : undefined,
    ),
  );
  // The floor lasts a few ms, a few dozen samples: when the sampler caught less than half of its
  // in-page clock (preempted on a busy machine), the clock is the better figure.
  const floorCpu = summarize(
    base.map((b) => {
      const { attributedMs } = b.floor.cpu;
      return attributedMs < 0.5 * b.floor.result.ms ? b.floor.result.ms : attributedMs;
    }),
  );
  const vsMarkjs = ratio(factlensCpu.median, markjs.cpuMs.median);
  const vsNaive = ratio(factlensCpu.median, naive.cpuMs.median);
  const vsFloor = ratio(factlensCpu.median, floorCpu.median);
  const worstTask = Math.max(...fl.map((r) => r.tasks.longestMs));
  const medianFl = medianRun(fl, (r) => r.cpu.attributedMs);
  return {
    id: page.id,
    kind: page.kind,
    bytes: page.body.length,
    textChars: info.textChars,
    textNodes: info.textNodes,
    elements: info.elements,
    factlens: {
      cpuMs: factlensCpu,
      selfMs: summarize(fl.map((r) => r.cpu.ownSelfMs)),
      traceMs: summarize(fl.map((r) => r.tasks.ownMs)),
      longestTaskMs: summarize(fl.map((r) => r.tasks.longestMs)),
      longestTaskRenderingMs: summarize(fl.map((r) => r.tasks.longestRenderingMs)),
      tasksOver50ms: Math.max(0, ...fl.map((r) => r.tasks.over50ms)),
      gcMs: summarize(fl.map((r) => r.cpu.gcMs)),
      heapAddedBytes: summarize(flHeap),
      domHeapAddedBytes: summarize(flDom),
      loadToMarkedMs: summarize(fl.map((r) => r.loadToMarkedMs)),
      busyToMarkedMs: summarize(fl.map((r) => r.window?.busyMs ?? Number.NaN)),
      renderingToMarkedMs: summarize(fl.map((r) => r.window?.renderingMs ?? Number.NaN)),
      marks: median(fl.map((r) => r.marks)),
      runs: fl.length,
      hotFunctions: hotFunctions(medianFl?.cpu, (u) => (isExtensionUrl(u) ? sources.factlens(u) : undefined)),
      phases: medianFl
        ? phaseBreakdown(medianFl.profile, { isOwn: isExtensionUrl, source: sources.factlens })
        : undefined,
    },
    markjs,
    naive,
    floor: {
      cpuMs: floorCpu,
      runMs: summarize(base.map((b) => b.floor.result.ms)),
      textNodes: base[0]?.floor.result.nodes ?? Number.NaN,
      chars: base[0]?.floor.result.chars ?? Number.NaN,
    },
    ratios: { vsMarkjs, vsFloor, vsNaive },
    targets: {
      halfOfMarkjs: targetMet(vsMarkjs, 0.5, markjs.timedOut),
      withinThreeFloors: Number.isFinite(vsFloor) ? vsFloor <= 3 : null,
      noLongTask: fl.length ? worstTask <= 50 : null,
      quarterOfNaive: targetMet(vsNaive, 0.25, naive.timedOut),
    },
  };
}

function emptyPage(page: BenchPage, error: string): PageResult {
  const none = summarize([]);
  const scanner = {
    cpuMs: none,
    selfMs: none,
    traceMs: none,
    longestTaskMs: none,
    longestTaskRenderingMs: none,
    tasksOver50ms: 0,
    gcMs: none,
    heapAddedBytes: none,
    domHeapAddedBytes: none,
    marks: Number.NaN,
    runs: 0,
    hotFunctions: [],
  };
  const compared = {
    ...scanner,
    runMs: none,
    coverage: Number.NaN,
    extrapolated: false,
    measuredCpuMs: none,
    timedOut: false,
  };
  return {
    id: page.id,
    kind: page.kind,
    bytes: page.body.length,
    textChars: Number.NaN,
    textNodes: Number.NaN,
    elements: Number.NaN,
    factlens: { ...scanner, loadToMarkedMs: none, busyToMarkedMs: none, renderingToMarkedMs: none },
    markjs: compared,
    naive: compared,
    floor: { cpuMs: none, runMs: none, textNodes: Number.NaN, chars: Number.NaN },
    ratios: { vsMarkjs: Number.NaN, vsFloor: Number.NaN, vsNaive: Number.NaN },
    targets: { halfOfMarkjs: null, withinThreeFloors: null, noLongTask: null, quarterOfNaive: null },
    error,
  };
}

const isoStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');

export async function runBrowserBench(options: BrowserBenchOptions = {}): Promise<BrowserBenchResult> {
  const started = new Date();
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench:browser] ${line}\n`));
  const repeats = Math.max(1, options.repeats ?? 3);
  const intervalUs = options.samplingIntervalUs ?? 100;
  const markjsBudgetMs = options.markjsBudgetMs ?? 4_000;
  const naiveBudgetMs = options.naiveBudgetMs ?? 15_000;
  const extensionDir = resolve(options.extensionDir ?? join(REPO_ROOT, '.output/chrome-mv3'));
  const notes: string[] = [];

  assertChromiumInstalled();
  log(options.build === false ? 'using the existing build' : 'building the extension (npm run build)…');
  const build = buildExtension(REPO_ROOT, extensionDir, options.build !== false);
  if (build.stale) {
    log(
      `npm run build FAILED; measuring the earlier build of ${build.contentScriptBuiltAt}:\n${build.error}`,
    );
    notes.push(`npm run build failed; measured the earlier build of ${build.contentScriptBuiltAt}`);
  }

  const aliases = readAliases();
  if (aliases.length < 20) notes.push(`the detector table has only ${aliases.length} aliases (placeholder?)`);
  const set = await benchPages(REPO_ROOT, aliases);
  notes.push(...set.notes);
  for (const n of set.notes) log(n);
  const pages = options.only?.length
    ? set.pages.filter((p) => options.only!.some((o) => p.id.includes(o)))
    : set.pages;

  const require = createRequire(import.meta.url);
  const markjsSource = await readFile(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
  // The content script and the files it imports (the marker's, the card's), by URL.
  const ownFiles = new Map<string, string>();
  for (const file of ['content-scripts/content.js', ...LAZY_FILES]) {
    const path = join(extensionDir, file);
    if (existsSync(path)) ownFiles.set(`/${file}`, await readFile(path, 'utf8'));
  }
  const sources = {
    factlens: (url: string) => ownFiles.get(new URL(url).pathname) ?? '',
    markjs: markjsSource,
    naive: naiveRunSource(aliases, naiveBudgetMs),
  };

  const server = await startServer();
  const csp = { 'content-security-policy': "script-src 'none'" };
  for (const p of [...pages, ...(set.typical ? [set.typical] : [])]) {
    server.route(p.path, { body: p.body, headers: csp });
  }
  const browser = await launchWithExtension({ extensionDir, closeWelcome: true });
  const results: PageResult[] = [];
  const profiles: { name: string; profile: CpuProfile }[] = [];
  let once: OncePerRun = {
    contentScript: await contentScriptSize(contentScriptPath(extensionDir)),
    memory: null,
    hover: null,
  };
  let chromium = '';
  try {
    const { context } = browser;
    // Nothing leaves the machine: every request not to the local server is refused, except the
    // extension's own files (the card's module loads from chrome-extension://).
    await context.route(
      (url) => !isLocalOrOwn(url),
      (route) => route.abort('blockedbyclient'),
    );
    chromium = await chromiumVersion(context);
    const setPaused = await pauseSwitch(browser);
    log(`${chromium}; ${aliases.length} aliases; ${pages.length} pages × ${repeats} runs`);

    for (const page of pages) {
      const url = server.url(page.path);
      const fl: FactlensRun[] = [];
      const base: BaselineRun[] = [];
      let markjsSlow = false;
      let naiveSlow = false;
      try {
        for (let r = 0; r < repeats; r++) {
          const runStarted = Date.now();
          await setPaused(false);
          const f = await factlensRun(context, url, intervalUs);
          fl.push(f);
          await setPaused(true);
          const b = await baselineRun(context, url, intervalUs, {
            markjsSource: markjsSlow ? null : markjsSource,
            naive: !naiveSlow,
            aliases,
            markjsBudgetMs,
            naiveBudgetMs,
          });
          base.push(b);
          if (b.factlensActive) notes.push(`${page.id}: Factlens was not paused in a baseline run`);
          const cut =
            b.markjs && (b.markjs.timedOut || b.markjs.result.aliasesDone < b.markjs.result.aliasesTotal);
          if (b.markjs && (cut || b.markjs.result.ms > SLOW_REPEAT_LIMIT_MS)) markjsSlow = true;
          if (
            b.naive &&
            (b.naive.timedOut || !b.naive.result.done || b.naive.result.ms > SLOW_REPEAT_LIMIT_MS)
          )
            naiveSlow = true;
          const n = b.naive;
          log(
            `${page.id} run ${r + 1}/${repeats}: Factlens ${f.cpu.attributedMs.toFixed(1)} ms CPU ` +
              `(longest task ${f.tasks.longestMs.toFixed(1)} ms, ${f.marks} marks), ` +
              `naive ${n ? `${n.timedOut ? '>' : ''}${n.cpu.attributedMs.toFixed(1)} ms (${n.result.marks} marks${n.result.done ? '' : `, ${n.result.charsDone}/${n.charsTotal} chars`})` : 'not repeated (slow)'}, ` +
              `mark.js ${b.markjs ? `${b.markjs.timedOut ? '>' : ''}${b.markjs.cpu.attributedMs.toFixed(1)} ms for ${b.markjs.result.aliasesDone}/${b.markjs.result.aliasesTotal} aliases` : 'not repeated (slow)'}, ` +
              `floor ${b.floor.cpu.attributedMs.toFixed(1)} ms [${((Date.now() - runStarted) / 1000).toFixed(1)} s]`,
          );
        }
        results.push(summarizePage(page, fl, base, sources));
        if (options.saveProfiles) {
          const f = medianRun(fl, (r) => r.cpu.attributedMs);
          const medianProfile = (runs: ({ profile: CpuProfile | null; cpu: Attribution } | null)[]) =>
            medianRun(
              runs.flatMap((run) => (run?.profile ? [run] : [])),
              (run) => run.cpu.attributedMs,
            )?.profile;
          const m = medianProfile(base.map((b) => b.markjs));
          const nv = medianProfile(base.map((b) => b.naive));
          if (f) profiles.push({ name: `${page.id}-factlens`, profile: f.profile });
          if (m) profiles.push({ name: `${page.id}-markjs`, profile: m });
          if (nv) profiles.push({ name: `${page.id}-naive`, profile: nv });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        log(`${page.id}: ${message}`);
        results.push(
          fl.length && base.length
            ? {
                ...summarizePage(page, fl, base, sources),
                error: message,
              }
            : emptyPage(page, message),
        );
      }
    }

    if (!options.skipOnce) {
      // A corpus page of median size; without the corpus, the English fixture page.
      const typical = set.typical ?? null;
      const memoryPath = typical?.path ?? HOVER_PAGE;
      const memoryPage = typical?.id ?? HOVER_PAGE.slice(1);
      log(`memory per tab on ${memoryPage}…`);
      once = {
        ...once,
        memory: {
          page: memoryPage,
          ...(await memoryPerTab(context, server.url(memoryPath), repeats, setPaused)),
        },
      };
      log('hover → card latency…');
      await setPaused(false);
      try {
        const hover = await hoverLatency(context, server.url(HOVER_PAGE), repeats);
        once = {
          ...once,
          hover: {
            page: HOVER_PAGE.slice(1),
            text: hover.text,
            coldMs: summarize(hover.coldMs),
            warmMs: summarize(hover.warmMs),
          },
          detectorLoadMs: summarize(hover.detectorLoadMs),
        };
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        notes.push(`hover latency not measured: ${message}`);
        log(`hover latency not measured: ${message}`);
      }
      const quiet = pages.find((p) => p.id === 'no-mentions');
      if (quiet) {
        log('the content-script floor: a stand-in that only reads storage and listens…');
        try {
          const floor = await measureApiFloor(
            extensionDir,
            server.url(quiet.path),
            repeats,
            intervalUs,
            isLocalOrOwn,
          );
          once = { ...once, apiFloor: { page: quiet.id, ...floor } };
        } catch (error) {
          const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
          notes.push(`content-script floor not measured: ${message}`);
          log(`content-script floor not measured: ${message}`);
        }
      }
      // Last, since the engine it leaves behind has the reader's entries in it.
      log(`${USER_ALIASES_IN_BROWSER} user aliases: no-mentions, the largest corpus page, the article…`);
      try {
        const corpus = results.filter((r) => r.kind === 'corpus').sort((a, b) => b.textChars - a.textChars);
        const ids = ['no-mentions', corpus[0]?.id, 'synthetic-article'].filter((id): id is string => !!id);
        const targets = ids.flatMap((id) => {
          const page = pages.find((p) => p.id === id);
          return page ? [{ id, url: server.url(page.path), result: results.find((r) => r.id === id) }] : [];
        });
        once = {
          ...once,
          userAliases: await runWithUserAliases(browser, context, targets, repeats, intervalUs),
        };
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        notes.push(`user aliases not measured: ${message}`);
        log(`user aliases not measured: ${message}`);
      }
    }
    await setPaused(false);
  } finally {
    await browser.close();
    await server.close();
  }

  const result: BrowserBenchResult = {
    date: started.toISOString(),
    chromium,
    machine: machine(),
    build,
    repeats,
    samplingIntervalUs: intervalUs,
    aliases: aliases.length,
    markjsMode:
      "accuracy 'exactly' with ASCII+CJK punctuation limiters for Latin aliases, 'partially' for Chinese ones; " +
      `stops after a ${markjsBudgetMs / 1000} s budget and extrapolates to all aliases (≈)`,
    naiveMode:
      'one TreeWalker pass, each text node lower-cased once and searched with indexOf for every alias ' +
      '(no word boundaries), StaticRanges in one CSS.highlights entry; ' +
      `stops after a ${naiveBudgetMs / 1000} s budget and extrapolates to the whole text (≈)`,
    pages: results,
    once,
    notes,
    durationMs: Date.now() - started.getTime(),
  };
  if (options.outDir !== null) {
    const dir = options.outDir ?? join(REPO_ROOT, 'bench-output');
    await mkdir(dir, { recursive: true });
    result.jsonPath = join(dir, `browser-${isoStamp(started)}.json`);
    await writeFile(result.jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    if (profiles.length) {
      const profileDir = join(dir, `browser-${isoStamp(started)}-profiles`);
      await mkdir(profileDir, { recursive: true });
      for (const { name, profile } of profiles) {
        await writeFile(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
      }
      log(`CPU profiles in ${profileDir}`);
    }
  }
  if (options.print !== false) {
    process.stdout.write(`\n${formatText(result)}\n`);
    for (const p of results) {
      const missed =
        p.targets.halfOfMarkjs === false ||
        p.targets.withinThreeFloors === false ||
        p.targets.noLongTask === false ||
        p.targets.quarterOfNaive === false;
      if (!missed) continue;
      process.stdout.write(`\nwhere Factlens spends its time on ${p.id} (median run, by leaf function):\n`);
      for (const f of p.factlens.hotFunctions) {
        const file = f.url.slice(f.url.lastIndexOf('/') + 1);
        const where = f.own ? `${file}:${f.line}:${f.column}  ${f.excerpt}` : f.url ? f.url : 'native';
        process.stdout.write(`  ${f.ms.toFixed(1).padStart(8)} ms  ${f.name.padEnd(28)} ${where}\n`);
      }
    }
    // Start-up where there is nothing to mark: what Factlens costs on most pages.
    for (const p of results) {
      if (p.id !== STARTUP_PAGE || !p.factlens.phases) continue;
      process.stdout.write(`\n${formatPhases(p.id, p.factlens.phases)}\n`);
    }
    process.stdout.write(`\n${formatMarkdown(result)}\n`);
    if (result.jsonPath) process.stdout.write(`\nJSON: ${result.jsonPath}\n`);
  }
  log(`done in ${(result.durationMs / 1000).toFixed(0)} s`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runBrowserBench(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
