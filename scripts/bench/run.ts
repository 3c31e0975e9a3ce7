// npm run bench: every benchmark, in one run — the detector engine in Node against a naive regex
// and the cost of the reader's own entries, then the built extension in Chromium against mark.js,
// a naive highlighter and a bare TreeWalker floor. It prints figures and ratios and writes the
// browser figures as JSON to bench-output/; it never asserts a time. Flags go to the browser benchmark
// (`npm run bench -- --no-build --repeats 1`); `--node-only` stops after the Node part; the
// long-session run comes last (`--session-minutes N`, 30 by default, 0 to skip).
import { runBrowserBench } from './browser';
import { parseArgs } from './cli-args';
import { runEngineBenchmark } from './engine';
import { runLongSession } from './long-session';
import { runUserEntriesBenchmark } from './user-entries';

async function main(): Promise<void> {
  // Flags first: a typo fails now, not after the Node part.
  const options = parseArgs(process.argv.slice(2));
  await runEngineBenchmark();
  console.log('');
  await runUserEntriesBenchmark();
  if (options.nodeOnly) return;
  console.log('');
  await runBrowserBench(options);
  console.log('');
  // Last: it runs for half an hour by default (--session-minutes 0 skips it).
  await runLongSession({ minutes: options.sessionMinutes ?? 30, outDir: options.outDir });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
