// The long-session benchmark: a single-page app that keeps replacing and appending content (three
// items every 40 ms, 150 kept) for N minutes with the built extension. Prints, per sample, the
// renderer's JS heap after GC, the marks against the mentions the page holds, and the page's own
// ticks (a slowed-down page ticks less); writes bench-output/long-session.json. Figures only.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../../tests/e2e/browser';
import { sampleChurn, settle } from '../../tests/e2e/long-session';
import { EXTENSION_DIR, REPO_ROOT } from '../../tests/e2e/paths';
import { startServer } from '../../tests/e2e/server';

export interface LongSessionOptions {
  minutes: number;
  outDir?: string | null;
}

export async function runLongSession({ minutes, outDir }: LongSessionOptions): Promise<void> {
  if (minutes <= 0) return;
  const server = await startServer();
  const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, closeWelcome: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url('/spa-churn.html'));
    await page.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) > 0);
    console.log(
      `Long session: ${minutes} min of a page replacing and appending content, sampled each minute`,
    );
    const samples = await sampleChurn(page, minutes * 60, 60);
    const settled = await settle(page);
    console.log(
      '| minute | JS heap after GC (MB) | marks / mentions on the page | page ticks in the minute |',
    );
    console.log(
      '| -----: | --------------------: | ---------------------------: | -----------------------: |',
    );
    samples.forEach((s, i) => {
      const ticks = i === 0 ? s.ticks : s.ticks - samples[i - 1]!.ticks;
      console.log(
        `| ${(s.seconds / 60).toFixed(0)} | ${s.heapMB.toFixed(1)} | ${s.marks} / ${s.expected} | ${ticks} |`,
      );
    });
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    console.log(
      `Heap ${first.heapMB.toFixed(1)} → ${last.heapMB.toFixed(1)} MB over ${minutes} min; ` +
        `after the churn stopped: ${settled.marks} marks for ${settled.expected} mentions.`,
    );
    if (outDir !== null) {
      const dir = outDir ?? resolve(REPO_ROOT, 'bench-output');
      await mkdir(dir, { recursive: true });
      await writeFile(
        resolve(dir, 'long-session.json'),
        `${JSON.stringify({ minutes, samples, settled }, null, 2)}\n`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
