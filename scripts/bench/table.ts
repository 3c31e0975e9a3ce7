// Renders a browser benchmark run as an aligned text table (for the terminal) and as Markdown
// (for the README). Both come from the same rows.
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

const mark = (ok: boolean | null) => (ok === null ? '?' : ok ? 'ok' : 'MISS');

export const PAGE_HEADERS = [
  'page',
  'text chars',
  'Factlens CPU ms',
  'mark.js CPU ms',
  'floor CPU ms',
  'Factlens/mark.js',
  'Factlens/floor',
  'longest task ms (Factlens / mark.js)',
  'load→marked ms',
  'heap added, JS+DOM (Factlens / mark.js)',
  'marks (Factlens / mark.js)',
];

export function pageRow(p: PageResult): string[] {
  if (p.error) return [p.id, fmtCount(p.textChars), `error: ${p.error}`, '', '', '', '', '', '', '', ''];
  const m = p.markjs;
  // '>' : a lower bound (hard time limit); '≈' : extrapolated from part of the alias list.
  const lowerBound = m.timedOut ? '>' : m.extrapolated ? '≈' : '';
  const partial = m.timedOut || m.extrapolated ? '≥' : '';
  return [
    p.id,
    fmtCount(p.textChars),
    fmtMs(p.factlens.cpuMs.median),
    `${lowerBound}${fmtMs(m.cpuMs.median)}`,
    fmtMs(p.floor.cpuMs.median),
    `${m.timedOut ? '<' : m.extrapolated ? '≈' : ''}${fmtRatio(p.ratios.vsMarkjs)}`,
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
    `${p.markjs.timedOut ? '>' : p.markjs.extrapolated ? '≈' : ''}${fmtMs(p.markjs.runMs.median)}`,
    Number.isFinite(p.markjs.coverage) ? `${Math.round(p.markjs.coverage * 100)}%` : '–',
  ];
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
        `${p.id}: ≤0.5× mark.js ${mark(p.targets.halfOfMarkjs)}, ≤3× floor ${mark(p.targets.withinThreeFloors)}, ` +
        `no task >50 ms ${mark(p.targets.noLongTask)}`,
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
    `≤ 3× the floor on ${met('withinThreeFloors')}/${pages.length}, ` +
    `no added task over 50 ms on ${met('noLongTask')}/${pages.length}`
  );
}

export function formatMarkdown(result: BrowserBenchResult): string {
  return [
    `Measured ${result.date.slice(0, 10)} in ${result.chromium} on ${result.machine.cpu} (${result.machine.cores} cores); median of ${result.repeats} runs. ` +
      'CPU is main-thread time in samples whose stack holds the script (its JS and the DOM calls it makes); ' +
      '≈ marks mark.js figures extrapolated from the share of aliases it marked within its time budget.',
    '',
    renderMarkdown(PAGE_HEADERS, result.pages.map(pageRow)),
    '',
    `- ${targetSummary(result)}`,
    ...onceLines(result).map((l) => `- ${l}`),
  ].join('\n');
}
