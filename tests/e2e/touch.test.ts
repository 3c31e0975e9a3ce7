// On a phone: no hover, so a tap on a mark opens its card; a tap elsewhere, the close button or
// Esc closes it; the card fits a 360 px screen and scrolls inside; a mark that is a link opens
// its card on the first tap and follows the link on the second (the card offers it too).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchWithExtension, screenshotPath } from './browser';
import { cardLocator, markCenter, waitForMarks } from './page-helpers';
import { useSession } from './session';

const session = useSession({ touch: true });

async function tapMark(page: Page, text: string) {
  const { x, y } = await markCenter(page, text);
  await page.touchscreen.tap(x, y);
}

describe('touch', () => {
  it('opens the card on a tap and closes it on a tap elsewhere, the close button and Esc', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/touch.html'));
    await waitForMarks(page, 6);
    const card = cardLocator(page);

    await tapMark(page, 'Qwen');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('h2').textContent()).toContain('Qwen');
    // Fits the screen and scrolls inside.
    const box = (await card.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const body = card.locator('.fl-card-body');
    expect(await body.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
    expect(box.height).toBeLessThanOrEqual(740);
    await page.screenshot({ path: await screenshotPath('touch-card-en.png') });

    // Staying put on the card: a tap inside it keeps it.
    await page.touchscreen.tap(box.x + 30, box.y + 60);
    await page.waitForTimeout(400);
    expect(await card.isVisible()).toBe(true);
    // A tap on blank page, above or below the card.
    await page.touchscreen.tap(350, box.y > 120 ? 20 : Math.min(735, box.y + box.height + 5));
    await card.waitFor({ state: 'detached' });

    await tapMark(page, 'DeepSeek');
    await card.waitFor({ state: 'visible' });
    await card.getByRole('button', { name: 'Close' }).tap();
    await card.waitFor({ state: 'detached' });

    await tapMark(page, 'Kimi');
    await card.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  it('a linked mark: the first tap opens the card with the link, the second follows it', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/touch.html'));
    await waitForMarks(page, 6);
    const card = cardLocator(page);
    const start = page.url();

    await tapMark(page, 'Huawei');
    await card.waitFor({ state: 'visible' });
    expect(page.url()).toBe(start);
    const follow = card.getByRole('link', { name: 'Follow the link' });
    expect(await follow.getAttribute('href')).toBe(session.server.url('/news-en.html'));

    await tapMark(page, 'Huawei');
    await page.waitForURL(/news-en\.html$/);
    await page.close();
  });

  it('shows the card on a phone in Chinese, dark', async () => {
    const b = await launchWithExtension({ touch: true, lang: 'zh-CN', colorScheme: 'dark' });
    try {
      const page = await b.context.newPage();
      await page.goto(session.server.url('/news-zh.html'));
      await waitForMarks(page, 5);
      const { x, y } = await markCenter(page, '通义千问');
      await page.touchscreen.tap(x, y);
      const card = cardLocator(page);
      await card.waitFor({ state: 'visible' });
      // A page without a mobile viewport is laid out wider than the screen: the card fits what is seen.
      const box = (await card.boundingBox())!;
      const seen = await page.evaluate(() => window.visualViewport?.width ?? innerWidth);
      expect(box.x + box.width).toBeLessThanOrEqual(seen);
      await page.screenshot({ path: await screenshotPath('touch-card-zh-dark.png') });
    } finally {
      await b.close();
    }
  });
});
