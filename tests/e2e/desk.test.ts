// The researcher's desk in the real browser: pin from a card and find it in the side panel;
// switch a site off in the popup and watch the marks go without a reload; import a bad file;
// export and import back; every view in both languages.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchWithExtension, screenshotPath } from './browser';
import { cardLocator, hoverMark, markCount, waitForMarks } from './page-helpers';
import { useSession } from './session';
import { patchSettings, tabIdOf } from './worker';

const session = useSession();

async function pinFirstFact(page: Page, text: string) {
  await hoverMark(page, text);
  const card = cardLocator(page);
  await card.waitFor({ state: 'visible' });
  const pin = card.locator('button.fl-pin').first();
  await pin.click();
  await expect.poll(() => pin.getAttribute('aria-pressed')).toBe('true');
  return card;
}

describe('pins', () => {
  it('pins a fact from a card and shows it in the side panel, live', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/news-en.html'));
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(session.browser, page.url());
    const panel = await session.browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.getByRole('tab', { name: /Pinned/ }).click();
    await panel.getByText(/No pins yet/).waitFor();

    await page.bringToFront();
    await pinFirstFact(page, 'Qwen');

    // The open side panel updates without a reload.
    await panel.locator('.fl-pins .fl-fact').first().waitFor({ timeout: 5000 });
    expect(await panel.locator('.fl-pins .fl-fact').count()).toBe(1);
    await expect(panel.locator('.fl-pins').textContent()).resolves.toContain('Open models narrow the gap');

    // Pinning the same fact from the same page again does not duplicate it.
    await page.bringToFront();
    await page.mouse.move(5, 5);
    await cardLocator(page).waitFor({ state: 'detached' });
    const card = await pinFirstFact(page, 'Qwen');
    await card.locator('button.fl-pin').first().click();
    await page.waitForTimeout(300);
    expect(await panel.locator('.fl-pins .fl-fact').count()).toBe(1);

    // A note typed in place is saved.
    await panel.locator('textarea.fl-note').first().fill('check the methodology');
    await panel.locator('.fl-search').first().focus();
    await panel.getByText('Saved.', { exact: true }).waitFor();
    await page.close();
    await panel.close();
  });

  it('rejects a malformed import with a message and keeps every pin', async () => {
    const panel = await session.browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: /Pinned/ }).click();
    await panel.locator('.fl-pins .fl-fact').first().waitFor();
    const before = await panel.locator('.fl-pins .fl-fact').count();

    await panel.locator('[data-testid="import-file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "factlens-pins", "pins": [ { "factId": '),
    });
    await panel.getByText(/Import failed/).waitFor();
    expect(await panel.locator('.fl-pins .fl-fact').count()).toBe(before);

    await panel.locator('[data-testid="import-file"]').setInputFiles({
      name: 'partly.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ format: 'factlens-pins', version: 2, pins: [{ factId: 'no-such-fact' }, 42] }),
      ),
    });
    await panel.getByText(/rejected/).waitFor();
    expect(await panel.locator('.fl-report li').count()).toBe(2);
    expect(await panel.locator('.fl-pins .fl-fact').count()).toBe(before);
    await panel.close();
  });

  it('exports JSON that imports back into a fresh profile', async () => {
    const panel = await session.browser.openExtensionPage('sidepanel.html');
    await panel.getByRole('tab', { name: /Pinned/ }).click();
    await panel.locator('.fl-pins .fl-fact').first().waitFor();
    const download = panel.waitForEvent('download');
    await panel.getByRole('button', { name: /JSON/ }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.format).toBe('factlens-pins');
    expect(exported.pins.length).toBeGreaterThan(0);
    await panel.close();

    const fresh = await launchWithExtension();
    try {
      const other = await fresh.openExtensionPage('sidepanel.html');
      await other.getByRole('tab', { name: /Pinned/ }).click();
      await other.locator('[data-testid="import-file"]').setInputFiles(file);
      await other.getByText(/Imported: 1 new/).waitFor();
      expect(await other.locator('.fl-pins .fl-fact').count()).toBe(exported.pins.length);
      await expect(other.locator('textarea.fl-note').first().inputValue()).resolves.toBe(
        'check the methodology',
      );
    } finally {
      await fresh.close();
    }
  });
});

describe('per-site control', () => {
  it('switches a site off from the popup: marks go live, and stay off after reload', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/news-en.html'));
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(session.browser, page.url());
    const popup = await session.browser.openExtensionPage(`popup.html?tab=${tabId}`);
    const toggle = popup.getByRole('switch', { name: 'On for this site' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await page.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) === 0);
    expect(await page.evaluate(() => document.querySelectorAll('factlens-ui').length)).toBe(0);

    await page.reload();
    await page.waitForTimeout(1500);
    expect(await markCount(page)).toBe(0);

    // And back on, again without a reload.
    await popup.reload();
    await popup.getByRole('switch', { name: 'On for this site' }).click({ force: true });
    await waitForMarks(page, 5);
    await popup.close();
    await page.close();
  });
});

describe('live settings', () => {
  it('applies mark style, first-mention-only and hidden types to an open tab without reload', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/demo.html'));
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    await page.waitForTimeout(300);
    const all = await markCount(page);
    expect(all).toBeGreaterThan(20);
    const setSettings = (patch: object) => patchSettings(session.browser, patch);
    const markRule = () =>
      page.evaluate(() => document.querySelector('factlens-ui > style')?.textContent?.split('\n')[0] ?? '');

    expect(await markRule()).toContain('text-decoration');
    await setSettings({ markStyle: 'background' });
    await expect.poll(markRule).toContain('background-color');

    await setSettings({ firstMentionOnly: true });
    await expect.poll(() => markCount(page)).toBeLessThan(all);
    const firstOnly = await markCount(page);
    await setSettings({ hiddenTypes: ['company'] });
    await expect.poll(() => markCount(page)).toBeLessThan(firstOnly);

    await setSettings({ markStyle: 'underline', firstMentionOnly: false, hiddenTypes: [] });
    await expect.poll(() => markCount(page)).toBe(all);
    await page.close();
  });
});

describe('badge and side-panel intents', () => {
  it('shows the mention count on the toolbar badge, and "off" when the site is off', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/news-en.html'));
    await waitForMarks(page, 5);
    const tabId = await tabIdOf(session.browser, page.url());
    const worker = session.browser.context.serviceWorkers()[0]!;
    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    await expect.poll(badge, { timeout: 5000 }).toMatch(/^\d+$/);
    expect(Number(await badge())).toBeGreaterThanOrEqual(5);

    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({
        settings: { ...(settings ?? {}), disabledSites: [{ host: '127.0.0.1', includeSubdomains: false }] },
      });
    });
    await expect.poll(badge, { timeout: 5000 }).toBe('off');
    await worker.evaluate(async () => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings ?? {}), disabledSites: [] } });
    });
    await expect.poll(badge, { timeout: 5000 }).toMatch(/^\d+$/);
    await page.close();
  });

  it('clears "off" from the badge when a site with nothing to mark is switched back on', async () => {
    session.server.route('/quiet-badge.html', {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>quiet</title></head><body><p>A page about the garden: tomatoes, basil and a little rain.</p></body></html>',
    });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('/quiet-badge.html'));
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    const tabId = await tabIdOf(session.browser, page.url());
    const worker = session.browser.context.serviceWorkers()[0]!;
    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const setSites = (disabledSites: unknown[]) =>
      worker.evaluate(async (sites) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings ?? {}), disabledSites: sites } });
      }, disabledSites);
    expect(await badge()).toBe('');
    await setSites([{ host: '127.0.0.1', includeSubdomains: false }]);
    await expect.poll(badge, { timeout: 5000 }).toBe('off');
    await setSites([]);
    await expect.poll(badge, { timeout: 5000 }).toBe('');
    await page.close();
  });

  it('opens Explore on the text a reader looked up from the context menu', async () => {
    // The context-menu handler opens the panel and leaves this intent for it (the native menu
    // itself can't be clicked from a test).
    const worker = session.browser.context.serviceWorkers()[0]!;
    await worker.evaluate(() =>
      chrome.storage.session.set({ panelIntent: { view: 'explore', query: '昇腾', at: Date.now() } }),
    );
    const panel = await session.browser.openExtensionPage('sidepanel.html');
    await expect.poll(() => panel.locator('#explore-q').inputValue()).toBe('昇腾');
    await panel.locator('.fl-entity-row').first().waitFor();
    expect(await panel.locator('.fl-entity-row').first().textContent()).toContain('Ascend');
    await panel.close();
  });
});

describe('views in both languages', () => {
  for (const [lang, colorScheme] of [
    ['en-US', 'light'],
    ['zh-CN', 'dark'],
  ] as const) {
    it(`renders the side panel, popup and options in ${lang} (${colorScheme})`, async () => {
      const b =
        lang === 'en-US' && colorScheme === 'light'
          ? session.browser
          : await launchWithExtension({ lang, colorScheme });
      try {
        const page = await b.context.newPage();
        await page.goto(session.server.url('/news-zh.html'));
        await waitForMarks(page, 5);
        const tabId = await tabIdOf(b, page.url());
        const panel = await b.context.newPage();
        await panel.setViewportSize({ width: 380, height: 900 });
        await panel.goto(`chrome-extension://${b.extensionId}/sidepanel.html?tab=${tabId}`);
        await panel.locator('.fl-entity-list').first().waitFor();
        await panel.screenshot({ path: await screenshotPath(`sidepanel-page-${lang}-${colorScheme}.png`) });
        await panel.getByRole('tab').nth(2).click();
        await panel.locator('#explore-q').fill(lang === 'zh-CN' ? '昇腾' : 'export controls');
        await panel.locator('.fl-facts .fl-fact, .fl-entity-row').first().waitFor();
        await panel.screenshot({
          path: await screenshotPath(`sidepanel-explore-${lang}-${colorScheme}.png`),
        });
        await panel.getByRole('tab').nth(1).click();
        await panel.screenshot({ path: await screenshotPath(`sidepanel-pins-${lang}-${colorScheme}.png`) });

        const popup = await b.context.newPage();
        await popup.setViewportSize({ width: 320, height: 380 });
        await popup.goto(`chrome-extension://${b.extensionId}/popup.html?tab=${tabId}`);
        await popup.getByRole('switch').first().waitFor();
        await popup.screenshot({ path: await screenshotPath(`popup-${lang}-${colorScheme}.png`) });

        const options = await b.openExtensionPage('options.html');
        await options.locator('fieldset').first().waitFor();
        await options.screenshot({
          path: await screenshotPath(`options-${lang}-${colorScheme}.png`),
          fullPage: true,
        });
        const heading = await options.locator('h1').textContent();
        expect(heading).toBe(lang === 'zh-CN' ? 'Factlens 设置' : 'Factlens options');
        // The toolbar button's title comes from the locale files, not a literal.
        const title = await b.context.serviceWorkers()[0]!.evaluate(() => chrome.action.getTitle({}));
        expect(title).toBe(lang === 'zh-CN' ? 'Factlens 事实透镜' : 'Factlens');
      } finally {
        if (b !== session.browser) await b.close();
      }
    });
  }
});

describe('card and store', () => {
  it('keeps the card’s pinned state true to the store: after a delete in the panel and a SPA navigation', async () => {
    // Its own profile: this test deletes every pin, which the others keep.
    const b = await launchWithExtension();
    const page = await b.context.newPage();
    await page.goto(session.server.url('/news-en.html'));
    await waitForMarks(page, 5);
    const card = await pinFirstFact(page, 'Qwen');
    const pin = card.locator('button.fl-pin').first();
    // The side panel deletes every pin while the card is open.
    const panel = await b.openExtensionPage('sidepanel.html');
    await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'pins/clear' }));
    await expect.poll(() => pin.getAttribute('aria-pressed')).toBe('false');
    // Pinned again, then the page moves to another address without a reload: not pinned there.
    await pin.click();
    await expect.poll(() => pin.getAttribute('aria-pressed')).toBe('true');
    await page.mouse.move(5, 5);
    await cardLocator(page).waitFor({ state: 'detached' });
    await page.evaluate(() => history.pushState({}, '', '/another-story.html'));
    await hoverMark(page, 'Qwen');
    await cardLocator(page).waitFor({ state: 'visible' });
    await expect
      .poll(() => cardLocator(page).locator('button.fl-pin').first().getAttribute('aria-pressed'))
      .toBe('false');
    await b.close();
  });
});
