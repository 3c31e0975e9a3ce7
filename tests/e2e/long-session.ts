// A long session on a single-page app that keeps replacing and appending content: how the
// renderer's JS heap (page and content script share one V8 isolate) and the marks evolve. Shared
// by the short test in `npm test` and the long run in `npm run bench`.
import type { Page } from 'playwright-core';

export interface SessionSample {
  seconds: number;
  heapMB: number;
  marks: number;
  expected: number;
  ticks: number;
}

/** The JS heap after a full garbage collection, in MB. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024;
  } finally {
    await cdp.detach();
  }
}

const marksNow = (page: Page) =>
  page.evaluate(() => ({
    marks: CSS.highlights.get('factlens-mark')?.size ?? 0,
    expected: (window as unknown as { expectedMarks(): number }).expectedMarks(),
    ticks: (window as unknown as { ticks: number }).ticks,
  }));

/** Samples the page every `everySeconds` for `seconds` while its content churns. */
export async function sampleChurn(
  page: Page,
  seconds: number,
  everySeconds: number,
): Promise<SessionSample[]> {
  const samples: SessionSample[] = [];
  const start = Date.now();
  for (;;) {
    const elapsed = (Date.now() - start) / 1000;
    samples.push({
      seconds: Math.round(elapsed),
      heapMB: await heapAfterGc(page),
      ...(await marksNow(page)),
    });
    if (elapsed >= seconds) break;
    await page.waitForTimeout(Math.min(everySeconds, seconds - elapsed) * 1000);
  }
  return samples;
}

/** Stops the churn and waits until the marks have caught up with the content. */
export async function settle(page: Page): Promise<{ marks: number; expected: number }> {
  await page.evaluate(() => (window as unknown as { stopChurn(): void }).stopChurn());
  await page
    .waitForFunction(
      () =>
        (CSS.highlights.get('factlens-mark')?.size ?? 0) ===
        (window as unknown as { expectedMarks(): number }).expectedMarks(),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => {});
  const { marks, expected } = await marksNow(page);
  return { marks, expected };
}
