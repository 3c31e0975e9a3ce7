// First run: installing Factlens opens the welcome page, in the browser's language and theme,
// with live sentences that are marked and open cards like any page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './a11y';
import { type ExtensionBrowser, launchWithExtension, screenshotPath } from './browser';
import { cardLocator, hoverMark, waitForMarks } from './page-helpers';

async function welcomePage(b: ExtensionBrowser): Promise<Page> {
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  const page =
    b.context.pages().find(isWelcome) ?? (await b.context.waitForEvent('page', { predicate: isWelcome }));
  await page.waitForLoadState('load');
  return page;
}

describe('welcome page', () => {
  for (const [lang, colorScheme, name, heading] of [
    ['en-US', 'light', 'Qwen', 'Welcome to Factlens'],
    ['zh-CN', 'dark', '通义千问', '欢迎使用 Factlens'],
  ] as const) {
    it(`opens on install in ${lang} (${colorScheme}), with sentences to hover`, async () => {
      const b = await launchWithExtension({ lang, colorScheme });
      try {
        const page = await welcomePage(b);
        expect(await page.locator('h1').textContent()).toBe(heading);
        await waitForMarks(page, 8);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({
          path: await screenshotPath(`welcome-${lang}-${colorScheme}.png`),
          fullPage: true,
        });
        await hoverMark(page, name);
        const card = cardLocator(page);
        await card.waitFor({ state: 'visible' });
        expect(await card.locator('h2').textContent()).toContain(name);
        await page.screenshot({ path: await screenshotPath(`welcome-card-${lang}-${colorScheme}.png`) });
      } finally {
        await b.close();
      }
    });
  }
});
