// Command-line flags of `npx tsx scripts/bench/browser.ts`.
import type { BrowserBenchOptions } from './browser';

export const USAGE =
  'usage: browser.ts [--no-build] [--repeats N] [--only id,id] [--extension-dir DIR] ' +
  '[--markjs-budget-ms MS] [--naive-budget-ms MS] [--save-profiles] [--skip-once] [--no-json] [--session-minutes N] [--node-only]';

export interface BenchArgs extends BrowserBenchOptions {
  /** `npm run bench` stops after the Node benchmarks (no browser, no long session). */
  nodeOnly?: boolean;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const options: BenchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number\n${USAGE}`);
      return n;
    };
    if (flag === '--no-build') options.build = false;
    else if (flag === '--repeats') options.repeats = Math.round(number());
    else if (flag === '--only') options.only = value().split(',').filter(Boolean);
    else if (flag === '--extension-dir') options.extensionDir = value();
    else if (flag === '--markjs-budget-ms') options.markjsBudgetMs = number();
    else if (flag === '--naive-budget-ms') options.naiveBudgetMs = number();
    else if (flag === '--save-profiles') options.saveProfiles = true;
    else if (flag === '--skip-once') options.skipOnce = true;
    else if (flag === '--no-json') options.outDir = null;
    else if (flag === '--node-only') options.nodeOnly = true;
    else if (flag === '--session-minutes') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a number of minutes\n${USAGE}`);
      options.sessionMinutes = n;
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}
