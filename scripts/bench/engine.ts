// Engine benchmark: detector throughput on ≥10 MB of mixed English/Chinese corpus text against a
// naive baseline (one case-insensitive alternation regex of all aliases), the automaton's build
// time, the table's size, and where the time goes (automaton pass vs rule checks).
// Exported as a function so scripts/bench/run.ts can run it beside other benchmarks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { createDetector } from '../../lib/detect';
import { HitList, scan } from '../../lib/detect/automaton';
import { compileEngine } from '../../lib/detect/engine';
import { engineFromPrecompiled, precompileEngine } from '../../lib/detect/precompiled';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { collectTextNodes } from '../../lib/dom/text-nodes';
import type { DetectorTable } from '../../lib/kb/compiled';
import { sharedRoot } from '../../lib/kb/load';

export interface EngineBenchmarkOptions {
  /** Size of the benchmark text in UTF-16 code units. */
  targetChars?: number;
  /** Builds timed for the median. */
  builds?: number;
  log?: (line: string) => void;
}

export interface EngineBenchmarkReport {
  chars: number;
  chunks: number;
  detectCharsPerSecond: number;
  wholeTextCharsPerSecond: number;
  baselineCharsPerSecond: number;
  speedup: number;
  scanShare: number;
  /** Nodes without any alias hit, and those with one or more. */
  quiet: { chars: number; nodes: number; charsPerSecond: number };
  busy: { chars: number; nodes: number; charsPerSecond: number; msPerNode: number };
  mentions: number;
  baselineMatches: number;
  buildMs: { first: number; median: number; min: number };
  /** What the extension does instead of building: JSON.parse + engineFromPrecompiled. */
  loadMs: { first: number; median: number; min: number };
  precompiled: { rawBytes: number; gzipBytes: number };
  table: { aliases: number; entities: number; rawBytes: number; gzipBytes: number };
  automaton: { states: number; patterns: number; cueStates: number; cuePatterns: number };
}

/** Text nodes of every corpus page and paragraphs of every document: the units a page scanner sees. */
export function corpusChunks(): string[] {
  const chunks: string[] = [];
  const docs = path.join(sharedRoot, 'corpus/docs');
  const pages = path.join(sharedRoot, 'corpus/pages');
  const article = path.join(sharedRoot, 'seed/article.txt');
  if (existsSync(docs)) {
    for (const f of readdirSync(docs).filter((f) => f.endsWith('.md'))) {
      chunks.push(...readFileSync(path.join(docs, f), 'utf8').split(/\n\s*\n/));
    }
  }
  if (existsSync(article)) chunks.push(...readFileSync(article, 'utf8').split(/\n\s*\n/));
  if (existsSync(pages)) {
    for (const f of readdirSync(pages).filter((f) => f.endsWith('.html'))) {
      const { document } = parseHTML(readFileSync(path.join(pages, f), 'utf8'));
      for (const node of collectTextNodes((document.body ?? document.documentElement) as unknown as Node)) {
        chunks.push(node.data);
      }
    }
  }
  return chunks.filter((c) => c.trim());
}

/** Deterministic shuffle (mulberry32), so every run measures the same text. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function benchmarkText(targetChars: number): string[] {
  const base = corpusChunks();
  if (!base.length) throw new Error('no corpus text found under ../shared');
  const out: string[] = [];
  let size = 0;
  for (let round = 0; size < targetChars; round++) {
    for (const chunk of shuffled(base, round + 1)) {
      // Fresh flat strings, like a page's text nodes (split() would hand out slices of one string).
      out.push(JSON.parse(JSON.stringify(chunk)) as string);
      size += chunk.length;
      if (size >= targetChars) break;
    }
  }
  return out;
}

/** The naive baseline: one alternation of every alias, escaped, longest first, case-insensitive. */
export function naiveRegex(table: DetectorTable): RegExp {
  const escaped = [...new Set(table.aliases.map((a) => a.text))]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'gi');
}

/**
 * Milliseconds per run of `fn`: the fastest of `rounds` runs, the usual estimate of a throughput
 * on a shared machine (other processes only ever add time).
 */
export function timeIt(fn: () => void, rounds = 9): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function firstMedianMin(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { first: times[0]!, median: sorted[sorted.length >> 1]!, min: sorted[0]! };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)}M`;

export async function runEngineBenchmark(
  options: EngineBenchmarkOptions = {},
): Promise<EngineBenchmarkReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const table = loadDetectorTable();

  // Build time: the first build (cold code) and the median of repeated builds.
  const buildTimes: number[] = [];
  for (let i = 0; i < (options.builds ?? 31); i++) {
    const t = performance.now();
    compileEngine(table);
    buildTimes.push(performance.now() - t);
  }
  const buildMs = firstMedianMin(buildTimes);
  const precompiledJson = JSON.stringify(precompileEngine(compileEngine(table)));
  const loadTimes: number[] = [];
  for (let i = 0; i < (options.builds ?? 31); i++) {
    const t = performance.now();
    engineFromPrecompiled(JSON.parse(precompiledJson));
    loadTimes.push(performance.now() - t);
  }
  const loadMs = firstMedianMin(loadTimes);

  const detector = createDetector(table);
  const chunks = benchmarkText(options.targetChars ?? 10_500_000);
  const chars = chunks.reduce((n, c) => n + c.length, 0);
  const whole = chunks.join('\n');

  let mentions = 0;
  for (const c of chunks) mentions += detector.detect(c).length; // warm-up and count
  const detectMs = timeIt(() => {
    for (const c of chunks) detector.detect(c);
  });
  const wholeMs = timeIt(() => detector.detect(whole));

  const automaton = detector.engine.names.automaton;
  const hits = new HitList();
  // Where the time goes: nodes where the automaton finds no alias at all (most of any page) and
  // nodes with at least one hit, which then pay for rules, cues and mention objects.
  const quiet: string[] = [];
  const busy: string[] = [];
  for (const c of chunks) {
    hits.length = 0;
    scan(automaton, c, hits);
    (hits.length === 0 ? quiet : busy).push(c);
  }
  const sizeOf = (list: readonly string[]) => list.reduce((n, c) => n + c.length, 0);
  const quietMs = timeIt(() => {
    for (const c of quiet) detector.detect(c);
  });
  const busyMs = timeIt(() => {
    for (const c of busy) detector.detect(c);
  });
  const scanMs = timeIt(() => {
    for (const c of chunks) {
      hits.length = 0;
      scan(automaton, c, hits);
    }
  });

  const regex = naiveRegex(table);
  let baselineMatches = 0;
  for (const c of chunks) for (const _ of c.matchAll(regex)) baselineMatches++;
  const baselineMs = timeIt(() => {
    for (const c of chunks)
      for (const _ of c.matchAll(regex)) {
        // count nothing: the loop is the work
      }
  });

  const rawTable = JSON.stringify(table);
  const report: EngineBenchmarkReport = {
    chars,
    chunks: chunks.length,
    detectCharsPerSecond: chars / (detectMs / 1000),
    wholeTextCharsPerSecond: chars / (wholeMs / 1000),
    baselineCharsPerSecond: chars / (baselineMs / 1000),
    speedup: baselineMs / detectMs,
    scanShare: scanMs / detectMs,
    quiet: { chars: sizeOf(quiet), nodes: quiet.length, charsPerSecond: sizeOf(quiet) / (quietMs / 1000) },
    busy: {
      chars: sizeOf(busy),
      nodes: busy.length,
      charsPerSecond: sizeOf(busy) / (busyMs / 1000),
      msPerNode: busyMs / busy.length,
    },
    mentions,
    baselineMatches,
    buildMs,
    loadMs,
    precompiled: {
      rawBytes: Buffer.byteLength(precompiledJson),
      gzipBytes: gzipSync(precompiledJson).length,
    },
    table: {
      aliases: table.aliases.length,
      entities: table.entities.length,
      rawBytes: Buffer.byteLength(rawTable),
      gzipBytes: gzipSync(rawTable).length,
    },
    automaton: {
      states: automaton.fail.length,
      patterns: detector.engine.names.shapes.length,
      cueStates: detector.engine.cues().automaton.fail.length,
      cuePatterns: detector.engine.cues().shapes.length,
    },
  };

  log('engine benchmark');
  log(
    `  text: ${mb(chars)} chars in ${chunks.length} text nodes/paragraphs (docs, article, visible page text)`,
  );
  log(
    `  detector.detect per node: ${mb(report.detectCharsPerSecond)} chars/s (${detectMs.toFixed(0)} ms); ` +
      `as one string: ${mb(report.wholeTextCharsPerSecond)} chars/s; ${mentions} mentions`,
  );
  log(
    `  naive regex (${table.aliases.length} aliases, one alternation, /gi, matchAll): ` +
      `${mb(report.baselineCharsPerSecond)} chars/s (${baselineMs.toFixed(0)} ms); ${baselineMatches} raw matches`,
  );
  log(`  speed-up over the baseline: ${report.speedup.toFixed(1)}× (times are the best of several runs)`);
  log(
    `  where the time goes: automaton pass ${(report.scanShare * 100).toFixed(0)}% (${scanMs.toFixed(0)} ms), ` +
      `boundary/case/context checks and mention objects ${((1 - report.scanShare) * 100).toFixed(0)}%`,
  );
  log(
    `    nodes with no alias hit: ${mb(report.quiet.chars)} chars in ${report.quiet.nodes} nodes, ` +
      `${mb(report.quiet.charsPerSecond)} chars/s; nodes with hits: ${mb(report.busy.chars)} chars in ` +
      `${report.busy.nodes} nodes, ${mb(report.busy.charsPerSecond)} chars/s (${(report.busy.msPerNode * 1000).toFixed(1)} µs a node)`,
  );
  log(
    `  building the engine from the table (build time only): first ${buildMs.first.toFixed(2)} ms, median ${buildMs.median.toFixed(2)} ms, ` +
      `min ${buildMs.min.toFixed(2)} ms (${report.automaton.patterns} alias patterns, ${report.automaton.states} states; ` +
      `cue automaton, loaded on a page's first ambiguous mention: ${report.automaton.cuePatterns} patterns, ${report.automaton.cueStates} states)`,
  );
  log(
    `  precompiled engine (what the extension loads instead): ${(report.precompiled.rawBytes / 1024).toFixed(0)} KB JSON ` +
      `(${(report.precompiled.gzipBytes / 1024).toFixed(0)} KB gzipped), JSON.parse + load first ${loadMs.first.toFixed(2)} ms, ` +
      `median ${loadMs.median.toFixed(2)} ms, min ${loadMs.min.toFixed(2)} ms`,
  );
  log(
    `  table: ${report.table.entities} entities, ${report.table.aliases} aliases, ` +
      `${(report.table.rawBytes / 1024).toFixed(1)} KB raw, ${(report.table.gzipBytes / 1024).toFixed(1)} KB gzipped`,
  );
  return report;
}
