// Renders a browser benchmark run as an aligned text table (for the terminal) and as Markdown
// (for the README). Both come from the same rows.
import type { PhaseBreakdown } from './phases';
import type { BrowserBenchResult, PageResult } from './results';

export const fmtMs = (ms: number): string =>
  !Number.isFinite(ms) ? '–' : ms < 10 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US');

export const fmtRatio = (r: number): string =>
  !Number.isFinite(r)
    ? '–'
    : r < 0.1
      ? `${r.toPrecision(2)}×`
      : r >= 10
        ? `${r.toFixed(0)}×`
        : `${r.toFixed(2)}×`;

export const fmtBytes = (b: number): string => {
  if (!Number.isFinite(b)) return '–';
  const sign = b < 0 ? '−' : '';
  const abs = Math.abs(b);
  if (abs >= 1024 * 1024) return `${sign}${(abs / 1024 / 1024).toFixed(1)} MB`;
  return `${sign}${Math.round(abs / 1024).toLocaleString('en-US')} KB`;
};

export const fmtCount = (n: number): string => (Number.isFinite(n) ? n.toLocaleString('en-US') : '–');

export const fmtShare = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');

const mark = (ok: boolean | null) => (ok === null ? '?' : ok ? 'ok' : 'MISS');

export const PAGE_HEADERS = [
  'page',
  'text chars',
  'Factlens CPU ms',
  'mark.js CPU ms',
  'naive CPU ms',
  'floor CPU ms',
  'Factlens/mark.js',
  'Factlens/naive',
  'Factlens/floor',
  'longest task ms (Factlens / mark.js)',
  'load→marked ms',
  'heap added, JS+DOM (Factlens / mark.js)',
  'marks (Factlens / mark.js)',
];

/** '>' : a lower bound (hard time limit); '≈' : extrapolated from part of the job. */
const boundMark = (b: { timedOut: boolean; extrapolated: boolean }) =>
  b.timedOut ? '>' : b.extrapolated ? '≈' : '';
/** The same for a ratio against that figure: '<' an upper bound. */
const ratioMark = (b: { timedOut: boolean; extrapolated: boolean }) =>
  b.timedOut ? '<' : b.extrapolated ? '≈' : '';

export function pageRow(p: PageResult): string[] {
  if (p.error) {
    const row = [p.id, fmtCount(p.textChars), `error: ${p.error}`];
    return [...row, ...PAGE_HEADERS.slice(row.length).map(() => '')];
  }
  const m = p.markjs;
  const n = p.naive;
  const lowerBound = boundMark(m);
  // Heap and marks are never extrapolated: of a cut run, they are what it got to.
  const partial = m.timedOut || m.extrapolated ? '≥' : '';
  return [
    p.id,
    fmtCount(p.textChars),
    fmtMs(p.factlens.cpuMs.median),
    `${lowerBound}${fmtMs(m.cpuMs.median)}`,
    `${boundMark(n)}${fmtMs(n.cpuMs.median)}`,
    fmtMs(p.floor.cpuMs.median),
    `${ratioMark(m)}${fmtRatio(p.ratios.vsMarkjs)}`,
    `${ratioMark(n)}${fmtRatio(p.ratios.vsNaive)}`,
    fmtRatio(p.ratios.vsFloor),
    `${fmtMs(p.factlens.longestTaskMs.median)} / ${lowerBound}${fmtMs(m.longestTaskMs.median)}`,
    fmtMs(p.factlens.loadToMarkedMs.median),
    `${fmtBytes(p.factlens.heapAddedBytes.median + p.factlens.domHeapAddedBytes.median)} / ${partial}${fmtBytes(m.heapAddedBytes.median + m.domHeapAddedBytes.median)}`,
    `${fmtCount(p.factlens.marks)} / ${partial}${fmtCount(m.marks)}`,
  ];
}

export const DETAIL_HEADERS = [
  'page',
  'Factlens own JS ms',
  'trace ms',
  'GC ms (anyone)',
  'main thread busy load→marked ms',
  'of which style/layout/paint ms',
  'tasks >50 ms',
  'longest task: style/layout ms',
  'mark.js run ms',
  'mark.js aliases measured',
  'naive longest task ms',
  'naive run ms',
  'naive marks',
  'naive text measured',
];

/** Where Factlens's time sits beyond the headline: its own JS, GC, and what the browser did meanwhile. */
export function detailRow(p: PageResult): string[] {
  const f = p.factlens;
  return [
    p.id,
    fmtMs(f.selfMs.median),
    fmtMs(f.traceMs.median),
    fmtMs(f.gcMs.median),
    fmtMs(f.busyToMarkedMs.median),
    fmtMs(f.renderingToMarkedMs.median),
    String(f.tasksOver50ms),
    fmtMs(f.longestTaskRenderingMs.median),
    `${boundMark(p.markjs)}${fmtMs(p.markjs.runMs.median)}`,
    fmtShare(p.markjs.coverage),
    `${boundMark(p.naive)}${fmtMs(p.naive.longestTaskMs.median)}`,
    `${boundMark(p.naive)}${fmtMs(p.naive.runMs.median)}`,
    `${p.naive.timedOut || p.naive.extrapolated ? '≥' : ''}${fmtCount(p.naive.marks)}`,
    fmtShare(p.naive.coverage),
  ];
}

/** Factlens's start-up on one page by phase, as a text table, with what the rules left unnamed. */
export function formatPhases(pageId: string, b: PhaseBreakdown): string {
  const rows = b.phases.map((p) => [p.phase, fmtMs(p.ms), fmtShare(p.share)]);
  rows.push(['total', fmtMs(b.totalMs), b.totalMs > 0 ? '100%' : '–']);
  const lines = [
    `start-up on ${pageId} by phase (median Factlens run, CPU profile samples by the first recognised frame from the leaf up):`,
    renderText(['phase', 'ms', 'share'], rows),
  ];
  if (b.other.length) {
    lines.push('largest "other" leaves:');
    for (const o of b.other.slice(0, 5)) {
      const where = !o.url ? 'native' : o.head ? `content.js:${o.line}:${o.column}  ${o.head}` : o.url;
      lines.push(`  ${fmtMs(o.ms).padStart(6)} ms  ${o.name} ${where}`);
    }
  }
  return lines.join('\n');
}

const width = (s: string) => [...s].length;

export function renderText(headers: readonly string[], rows: readonly string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderMarkdown(headers: readonly string[], rows: readonly string[][]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(esc).join(' | ')} |`;
  const align = headers.map((_, i) => (i === 0 ? '---' : '---:'));
  return [line(headers), `|${align.join('|')}|`, ...rows.map(line)].join('\n');
}

export function targetLines(result: BrowserBenchResult): string[] {
  return result.pages
    .filter((p) => !p.error)
    .map(
      (p) =>
        `${p.id}: ≤0.5× mark.js ${mark(p.targets.halfOfMarkjs)}, ≤0.25× naive ${mark(p.targets.quarterOfNaive)}, ` +
        `≤3× floor ${mark(p.targets.withinThreeFloors)}, no task >50 ms ${mark(p.targets.noLongTask)}`,
    );
}

export function onceLines(result: BrowserBenchResult): string[] {
  const { once } = result;
  const lines = [
    `content script: ${fmtBytes(once.contentScript.rawBytes)} raw, ${fmtBytes(once.contentScript.gzipBytes)} gzipped`,
  ];
  if (once.memory) {
    const m = once.memory;
    lines.push(
      `memory per tab (${m.page}): JS heap ${fmtBytes(m.onBytes.median)} with Factlens on vs ${fmtBytes(m.pausedBytes.median)} paused ` +
        `(+${fmtBytes(m.addedBytes)}); DOM heap +${fmtBytes(m.domAddedBytes)}`,
    );
  }
  if (once.hover) {
    const h = once.hover;
    lines.push(
      `hover→card after the delay (${h.page}, "${h.text}"): ${fmtMs(h.coldMs.median)} ms first card, ` +
        `${fmtMs(h.warmMs.median)} ms again (medians of ${h.coldMs.n} and ${h.warmMs.n})`,
    );
  }
  if (once.userAliases) {
    const u = once.userAliases;
    const rows = u.pages.map((p) => {
      const vs = (base: number | null, label: string) =>
        base ? `, ${(p.withUserMs / base).toFixed(2)}× ${label}` : '';
      return (
        `${p.id} ${fmtMs(p.builtInMs)} → ${fmtMs(p.withUserMs)} ms (${(p.withUserMs / p.builtInMs).toFixed(2)}×` +
        `${vs(p.naiveMs, 'naive')}${vs(p.floorMs, 'floor')}, longest task ${fmtMs(p.longestTaskMs)} ms` +
        `${p.runs ? `, detector read in ${p.detectorReads} of ${p.runs} runs` : ''})`
      );
    });
    lines.push(
      `with ${u.aliases.toLocaleString('en')} user aliases (${u.entries} entries): ${rows.join('; ')}`,
    );
  }
  if (once.apiFloor) {
    const f = once.apiFloor;
    const ours = result.pages.find((p) => p.id === f.page)?.factlens.cpuMs.median;
    lines.push(
      `content-script floor on ${f.page} (a stand-in that only reads storage, parses the gate and listens): ` +
        `${fmtMs(f.cpuMs.median)} ms median of ${f.cpuMs.n}` +
        (ours === undefined ? '' : `; Factlens ${fmtMs(ours)} ms, ${(ours / f.cpuMs.median).toFixed(1)}× it`),
    );
  }
  if (once.detectorLoadMs) {
    const d = once.detectorLoadMs;
    lines.push(
      `detector load per page (precompiled engine → ready): ${fmtMs(d.median)} ms median, ` +
        `${fmtMs(d.min)}–${fmtMs(d.max)} ms over ${d.n} fresh loads`,
    );
  }
  return lines;
}

function header(result: BrowserBenchResult): string[] {
  const m = result.machine;
  return [
    `date: ${result.date}`,
    `browser: ${result.chromium}`,
    `machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}; Node ${m.node}`,
    `runs: median of ${result.repeats}; CPU profile sampling ${result.samplingIntervalUs} µs; ${result.aliases} aliases; mark.js ${result.markjsMode}`,
    `naive highlighter: ${result.naiveMode}`,
    ...(result.build.stale
      ? [`build: npm run build FAILED, measured the earlier build of ${result.build.contentScriptBuiltAt}`]
      : []),
  ];
}

export function formatText(result: BrowserBenchResult): string {
  return [
    ...header(result),
    '',
    renderText(PAGE_HEADERS, result.pages.map(pageRow)),
    '',
    renderText(DETAIL_HEADERS, result.pages.filter((p) => !p.error).map(detailRow)),
    '',
    `${targetSummary(result)}:`,
    ...targetLines(result).map((l) => `  ${l}`),
    '',
    ...onceLines(result),
    ...result.notes.map((n) => `note: ${n}`),
  ].join('\n');
}

/** How many measured pages meet each target, e.g. `≤ 0.5× mark.js: 7/7 pages`. */
export function targetSummary(result: BrowserBenchResult): string {
  const pages = result.pages.filter((p) => !p.error);
  const met = (key: keyof PageResult['targets']) => pages.filter((p) => p.targets[key] === true).length;
  return (
    `targets met: CPU ≤ 0.5× mark.js on ${met('halfOfMarkjs')}/${pages.length} pages, ` +
    `≤ 0.25× the naive highlighter on ${met('quarterOfNaive')}/${pages.length}, ` +
    `≤ 3× the floor on ${met('withinThreeFloors')}/${pages.length}, ` +
    `no added task over 50 ms on ${met('noLongTask')}/${pages.length}`
  );
}

export function formatMarkdown(result: BrowserBenchResult): string {
  return [
    `Measured ${result.date.slice(0, 10)} in ${result.chromium} on ${result.machine.cpu} (${result.machine.cores} cores); median of ${result.repeats} runs. ` +
      'CPU is main-thread time in samples whose stack holds the script (its JS and the DOM calls it makes); ' +
      '≈ marks mark.js figures extrapolated from the share of aliases it marked within its time budget, ' +
      'and naive-highlighter figures from the share of the text it scanned within its own. ' +
      'The naive highlighter: one TreeWalker pass, lower-cased `indexOf` for each alias, StaticRanges in one `CSS.highlights` entry.',
    '',
    renderMarkdown(PAGE_HEADERS, result.pages.map(pageRow)),
    '',
    `- ${targetSummary(result)}`,
    ...onceLines(result).map((l) => `- ${l}`),
  ].join('\n');
}
