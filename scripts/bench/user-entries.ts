// What the reader's own entries cost: compiling the combined engine (built-in table + user
// entries, compileCombined: what the background does after every save) with 0, 100 and 1,000
// user aliases, and detecting over the engine benchmark's text with 1,000 user aliases against
// none, both engines loaded as the extension loads them (engineFromPrecompiled). Figures only.
import { engineFromPrecompiled } from '../../lib/detect/precompiled';
import { loadDetectorTable } from '../../lib/detect/table-from-data';
import { builtInIndexOf, compileCombined } from '../../lib/knowledge/engine';
import { detectorFor } from '../detect';
import { benchmarkText, firstMedianMin, timeIt } from './engine';
import { fmtCount, fmtMs, fmtRatio, renderText } from './table';
import { makeUserEntities } from './user-entities';

export const USER_ALIAS_COUNTS = [0, 100, 1000] as const;

export interface UserEntriesBenchmarkOptions {
  targetChars?: number;
  /** Compiles timed per alias count. */
  builds?: number;
  log?: (line: string) => void;
}

export interface UserEntriesBenchmarkReport {
  compile: {
    userAliases: number;
    userEntities: number;
    ms: { first: number; median: number; min: number };
    /** Median against the median with no user entries. */
    ratio: number;
    precompiledBytes: number;
  }[];
  scan: {
    chars: number;
    chunks: number;
    userAliases: number;
    noneMs: number;
    withMs: number;
    ratio: number;
    mentions: { none: number; with: number };
  };
}

export async function runUserEntriesBenchmark(
  options: UserEntriesBenchmarkOptions = {},
): Promise<UserEntriesBenchmarkReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const table = loadDetectorTable();
  const avoid = { ids: new Set(table.entities.map((e) => e.id)), aliasKeys: builtInIndexOf(table) };
  const sets = USER_ALIAS_COUNTS.map((n) => makeUserEntities(n, { avoid }));

  const compile = sets.map((entities) => {
    const times: number[] = [];
    for (let i = 0; i < (options.builds ?? 15); i++) {
      const t = performance.now();
      compileCombined(table, entities);
      times.push(performance.now() - t);
    }
    return {
      userAliases: entities.reduce((n, e) => n + e.aliases.length, 0),
      userEntities: entities.length,
      ms: firstMedianMin(times),
      ratio: 0,
      precompiledBytes: Buffer.byteLength(JSON.stringify(compileCombined(table, entities))),
    };
  });
  for (const row of compile) row.ratio = row.ms.median / compile[0]!.ms.median;

  const most = sets[sets.length - 1]!;
  const none = detectorFor(engineFromPrecompiled(compileCombined(table, [])));
  const withUser = detectorFor(engineFromPrecompiled(compileCombined(table, most)));
  const chunks = benchmarkText(options.targetChars ?? 10_500_000);
  const chars = chunks.reduce((n, c) => n + c.length, 0);
  const mentions = { none: 0, with: 0 };
  for (const c of chunks) {
    mentions.none += none.detect(c).length; // warm-up and count
    mentions.with += withUser.detect(c).length;
  }
  // Alternating rounds, so a slow moment of the machine falls on both.
  let noneMs = Number.POSITIVE_INFINITY;
  let withMs = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round++) {
    noneMs = Math.min(
      noneMs,
      timeIt(() => chunks.forEach(none.detect), 2),
    );
    withMs = Math.min(
      withMs,
      timeIt(() => chunks.forEach(withUser.detect), 2),
    );
  }
  const scan = {
    chars,
    chunks: chunks.length,
    userAliases: compile[compile.length - 1]!.userAliases,
    noneMs,
    withMs,
    ratio: withMs / noneMs,
    mentions,
  };

  log("user entries (the reader's own, compiled with the built-in table as the extension does)");
  const compileRows = compile.map((r) => [
    fmtCount(r.userAliases),
    fmtCount(r.userEntities),
    fmtMs(r.ms.first),
    fmtMs(r.ms.median),
    fmtMs(r.ms.min),
    fmtRatio(r.ratio),
    `${Math.round(r.precompiledBytes / 1024).toLocaleString('en-US')} KB`,
  ]);
  const compileHeaders = [
    'user aliases',
    'entries',
    'first ms',
    'median ms',
    'min ms',
    '× none',
    'precompiled',
  ];
  for (const line of renderText(compileHeaders, compileRows).split('\n')) log(`  ${line}`);
  const perSecond = (ms: number) => `${(chars / (ms / 1000) / 1e6).toFixed(1)}M`;
  const scanRows = [
    ['built-in only', fmtMs(noneMs), perSecond(noneMs), fmtCount(mentions.none), fmtRatio(1)],
    [
      `+ ${fmtCount(scan.userAliases)} user aliases`,
      fmtMs(withMs),
      perSecond(withMs),
      fmtCount(mentions.with),
      fmtRatio(scan.ratio),
    ],
  ];
  log(
    `  detect over ${(chars / 1e6).toFixed(1)}M chars in ${fmtCount(chunks.length)} text nodes (best of 6 runs):`,
  );
  const scanHeaders = ['engine', 'ms', 'chars/s', 'mentions', '× built-in'];
  for (const line of renderText(scanHeaders, scanRows).split('\n')) log(`  ${line}`);
  return { compile, scan };
}
