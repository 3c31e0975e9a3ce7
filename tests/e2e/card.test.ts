// The hover card as readers see it: in English and Chinese browsers, light and dark, with its
// charts, the author's views labelled, the language switch, related entries, and no serious
// accessibility violations. Screenshots go to test-output/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y';
import { launchWithExtension, screenshotPath } from './browser';
import { cardLocator, hoverMark, waitForMarks } from './page-helpers';
import { startServer, type TestServer } from './server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

const CASES = [
  { lang: 'en-US', colorScheme: 'light', mark: 'Qwen 1.5', name: 'Qwen', other: '通义千问' },
  { lang: 'en-US', colorScheme: 'dark', mark: 'Qwen 1.5', name: 'Qwen', other: '通义千问' },
  { lang: 'zh-CN', colorScheme: 'light', mark: '通义千问', name: '通义千问', other: 'Qwen' },
  { lang: 'zh-CN', colorScheme: 'dark', mark: '通义千问', name: '通义千问', other: 'Qwen' },
] as const;

describe('the card in both languages and themes', () => {
  for (const c of CASES) {
    it(`shows ${c.name} in a ${c.lang} browser, ${c.colorScheme} theme`, async () => {
      const browser = await launchWithExtension({ lang: c.lang, colorScheme: c.colorScheme });
      try {
        const page = await browser.context.newPage();
        await page.goto(server.url('/demo.html'));
        await waitForMarks(page, 10);
        await hoverMark(page, c.mark);
        const card = cardLocator(page);
        await card.waitFor({ state: 'visible' });
        const heading = (await card.locator('h2').textContent()) ?? '';
        expect(heading).toContain(c.name);
        expect(heading).toContain(c.other);
        // The card follows the system theme inside its shadow root.
        const background = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(background).toBe(c.colorScheme === 'dark' ? 'rgb(27, 33, 41)' : 'rgb(255, 255, 255)');
        expect(await axeViolations(page, [['factlens-ui', '.fl-card']])).toEqual([]);
        await card.screenshot({ path: await screenshotPath(`card-${c.lang}-${c.colorScheme}.png`) });

        // One click switches the facts' language.
        const before = await card.locator('.fl-summary').textContent();
        await card.locator('button.fl-lang').click();
        await expect.poll(() => card.locator('.fl-summary').textContent()).not.toBe(before);
      } finally {
        await browser.close();
      }
    });
  }

  it('charts compared figures, labels the author’s views and opens related entries in place', async () => {
    const browser = await launchWithExtension();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url('/demo.html'));
      await waitForMarks(page, 10);
      await hoverMark(page, 'MacroPolo');
      const card = cardLocator(page);
      await card.waitFor({ state: 'visible' });
      await card.locator('svg[role="img"]').first().waitFor();
      const chartLabel = await card.locator('svg[role="img"]').first().getAttribute('aria-label');
      expect(chartLabel).toMatch(/47%/);
      expect(chartLabel).toMatch(/29%/);
      await card.screenshot({ path: await screenshotPath('card-chart-en-US-light.png') });

      // Related entries replace the card's content, with a way back.
      const related = card.locator('.fl-related .fl-chip').first();
      const relatedName = (await related.textContent()) ?? '';
      await related.click();
      await expect.poll(() => card.locator('h2').textContent()).toContain(relatedName);
      await card.getByRole('button', { name: 'Back' }).click();
      await expect.poll(() => card.locator('h2').textContent()).toContain('MacroPolo');

      // The author's own views are labelled as such wherever they appear.
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'detached' });
      await hoverMark(page, 'Huawei');
      await card.waitFor({ state: 'visible' });
      const more = card.getByRole('button', { name: /Show \d+ more/ });
      if (await more.count()) await more.click();
      expect(await card.locator('.fl-kind-opinion').count()).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
