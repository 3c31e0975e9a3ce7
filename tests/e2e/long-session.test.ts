// The short version of the long-session run (the long one is in `npm run bench`): a single-page
// app replacing and appending content for 40 s. The heap stays bounded, the marks keep following
// the content, and the counts match what is on the page.
import { describe, expect, it } from 'vitest';
import { sampleChurn, settle } from './long-session';
import { useSession } from './session';
import { sendToTab } from './worker';

const session = useSession();

describe('long session', () => {
  it('follows a page that keeps changing, with a bounded heap', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/spa-churn.html'));
    // The page never stops changing, so its "first pass done" mark may never come: wait for marks.
    await page.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) >= 5);
    await page.waitForTimeout(3000);
    const samples = await sampleChurn(page, 40, 10);
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    // Thousands of items came and went; the heap after GC grew by less than 3 MB.
    expect(last.ticks - first.ticks).toBeGreaterThan(300);
    expect(last.heapMB - first.heapMB, JSON.stringify(samples)).toBeLessThan(3);
    const { marks, expected } = await settle(page);
    expect(marks).toBe(expected);
    // The counts the badge and the side panel show are those of the page now, not of all it held.
    await page.waitForTimeout(1000);
    const { counts } = await sendToTab<{ counts: Record<string, number> }>(session.browser, page.url(), {
      type: 'page-info',
    });
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(expected);
    await page.close();
  });
});
