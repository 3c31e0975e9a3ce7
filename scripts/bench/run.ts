// npm run bench: every benchmark, in one run. For now the engine benchmark; an in-browser one
// can be added here.
import { runEngineBenchmark } from './engine';

async function main(): Promise<void> {
  await runEngineBenchmark();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
