// The vertical slice a reader sees: a page mentioning Qwen gets a mark; resting the pointer on it
// opens the card inside our shadow root; the popup and side panel pages render.
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser';
import { cardLocator, hoverMark, markedTexts, waitForMarks } from './page-helpers';
import { useSession } from './session';

const session = useSession();

describe('foundation', () => {
  it('marks Qwen and shows its card on hover, inside the shadow root', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/news-en.html'));
    await waitForMarks(page);
    expect(await markedTexts(page)).toContain('Qwen');

    await hoverMark(page, 'Qwen');
    const card = cardLocator(page);
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await expect(card.locator('h2').textContent()).resolves.toContain('Qwen');

    // The card lives in the extension's shadow root, not in the page's DOM.
    const inLightDom = await page.evaluate(() => document.querySelectorAll('[role="dialog"]').length);
    expect(inLightDom).toBe(0);
    const hosts = await page.evaluate(() => document.querySelectorAll('factlens-ui').length);
    expect(hosts).toBe(1);

    await card.screenshot({ path: await screenshotPath('foundation-card.png') });
    await page.close();
  });

  it('renders the popup and the side panel', async () => {
    const popup = await session.browser.openExtensionPage('popup.html');
    await popup.locator('main').waitFor();
    expect(await popup.locator('h1').textContent()).toContain('Factlens');
    const panel = await session.browser.openExtensionPage('sidepanel.html');
    await panel.locator('main').waitFor();
    expect(await panel.getByRole('tablist').count()).toBe(1);
    await popup.close();
    await panel.close();
  });
});
