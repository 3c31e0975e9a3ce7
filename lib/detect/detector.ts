// Stateless detection: one string is one page, so ambiguous mentions are settled by the evidence
// in the same string.
import type { DetectorTable } from '@/lib/kb/compiled';
import {
  type AnalyseStats,
  analyse,
  compileEngine,
  type Engine,
  type Found,
  makeEvidence,
  named,
  Strength,
} from './engine';
import type { Detector, Mention } from './types';

/** A Detector that also exposes its compiled engine, so page scanners can share it. */
export interface CompiledDetector extends Detector {
  readonly engine: Engine;
  /** `detect` with a count of the work done, for the linear-time tests and the benchmark. */
  detectWithStats(text: string, stats: AnalyseStats): Mention[];
}

export function createDetector(table: DetectorTable): CompiledDetector {
  const engine = compileEngine(table);
  const evidence = makeEvidence(engine); // scratch, cleared after each string
  const run = (text: string, stats?: AnalyseStats) =>
    resolveWithin(engine, evidence, analyse(engine, text, stats));
  return {
    engine,
    detect: (text) => run(text),
    detectWithStats: run,
  };
}

/** Settles pending mentions against the evidence in the same string. */
function resolveWithin(engine: Engine, evidence: ReturnType<typeof makeEvidence>, found: Found[]): Mention[] {
  const out: Mention[] = [];
  if (found.length === 0) return out;
  let pending = false;
  for (const f of found) {
    if (f.strength === Strength.Strong) evidence.strong[f.entity]!++;
    else if (f.strength === Strength.Weak) evidence.weak[f.entity]!++;
    else pending = true;
  }
  for (const f of found) {
    if (!pending || f.strength !== Strength.Pending || evidence.has(f.entity)) out.push(named(engine, f));
  }
  for (const f of found) {
    evidence.strong[f.entity] = 0;
    evidence.weak[f.entity] = 0;
  }
  return out;
}
