// npm run bench: every benchmark, in one run — the detector engine in Node against a naive regex,
// then the built extension in Chromium against mark.js and a bare TreeWalker floor. It prints
// figures and ratios and writes the browser figures as JSON to bench-output/; it never asserts
// a time. Flags go to the browser benchmark (`npm run bench -- --no-build --repeats 1`).
import { runBrowserBench } from './browser';
import { parseArgs } from './cli-args';
import { runEngineBenchmark } from './engine';

async function main(): Promise<void> {
  await runEngineBenchmark();
  console.log('');
  await runBrowserBench(parseArgs(process.argv.slice(2)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
