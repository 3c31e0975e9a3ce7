// Settings that scale and writes that never fail silently, in the real browser: 10,000 sites
// switched off, one more switched off and on from the popup at once, surviving a restart; and a
// full storage, where the popup says why the switch did not move and shows what is stored.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension, screenshotPath } from './browser';
import { cardLocator, hoverMark, markCount, waitForMarks } from './page-helpers';
import { clickClosedButton, closedHasClass, closedText, focusClosedTextarea } from './private-dom';
import { startServer, type TestServer } from './server';
import { tabIdOf } from './worker';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

const worker = (b: ExtensionBrowser) => b.context.serviceWorkers()[0]!;

/** Fills local storage to its quota (10 MB without unlimitedStorage), as a long-used profile might. */
async function fillStorage(b: ExtensionBrowser) {
  await worker(b).evaluate(async () => {
    const chunk = 'x'.repeat(512 * 1024);
    for (let i = 0; i < 100; i++) {
      try {
        await chrome.storage.local.set({ [`filler-${i}`]: chunk });
      } catch {
        break;
      }
    }
    for (let size = 64 * 1024; size >= 16; size >>= 1) {
      for (let j = 0; j < 64; j++) {
        try {
          await chrome.storage.local.set({ [`filler-${size}-${j}`]: 'x'.repeat(size) });
        } catch {
          break;
        }
      }
    }
  });
}

describe('settings at scale', () => {
  it('with 10,000 sites off, switches one more off and on at once, and it survives a restart', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'factlens-scale-'));
    try {
      let b = await launchWithExtension({ userDataDir: profile });
      await worker(b).evaluate(async () => {
        const entries: Record<string, { sub: boolean }> = {};
        for (let i = 0; i < 10_000; i++) entries[`site:site-${i}.example.com`] = { sub: false };
        await chrome.storage.local.set(entries);
      });
      const page = await b.context.newPage();
      await page.goto(server.url('/news-en.html'));
      await waitForMarks(page, 5);
      const tabId = await tabIdOf(b, page.url());
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`);
      const toggle = popup.getByRole('switch', { name: 'On for this site' });
      expect(await toggle.isChecked()).toBe(true);
      await toggle.click({ force: true });
      await page.waitForFunction(() => (CSS.highlights.get('factlens-mark')?.size ?? 0) === 0);
      await expect.poll(() => toggle.isChecked()).toBe(false);
      expect(await popup.getByRole('alert').count()).toBe(0);
      const stored = await worker(b).evaluate(async () => {
        const all = await chrome.storage.local.get(null);
        const sync = await chrome.storage.sync.get('settings');
        return {
          sites: Object.keys(all).filter((k) => k.startsWith('site:')).length,
          syncBytes: JSON.stringify(sync.settings ?? {}).length,
        };
      });
      expect(stored.sites).toBe(10_001);
      expect(stored.syncBytes).toBeLessThan(8192);
      await b.close();

      // After a restart the site is still off, and the popup says so.
      b = await launchWithExtension({ userDataDir: profile });
      const again = await b.context.newPage();
      await again.goto(server.url('/news-en.html'));
      await again.waitForTimeout(1500);
      expect(await markCount(again)).toBe(0);
      const popup2 = await b.openExtensionPage(`popup.html?tab=${await tabIdOf(b, again.url())}`);
      const toggle2 = popup2.getByRole('switch', { name: 'On for this site' });
      await toggle2.waitFor();
      expect(await toggle2.isChecked()).toBe(false);
      await toggle2.click({ force: true });
      await waitForMarks(again, 5);
      await b.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('with storage full, the popup says the change was not saved and shows the stored state', async () => {
    const b = await launchWithExtension();
    try {
      const page = await b.context.newPage();
      await page.goto(server.url('/news-en.html'));
      await waitForMarks(page, 5);
      const tabId = await tabIdOf(b, page.url());
      await fillStorage(b);
      const popup = await b.openExtensionPage(`popup.html?tab=${tabId}`);
      const toggle = popup.getByRole('switch', { name: 'On for this site' });
      await toggle.click({ force: true });
      const alert = popup.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('storage for Factlens is full');
      expect(await toggle.isChecked()).toBe(true);
      await popup.setViewportSize({ width: 320, height: 420 });
      await popup.screenshot({ path: await screenshotPath('popup-storage-full-en.png') });
      await page.waitForTimeout(1000);
      expect(await markCount(page)).toBeGreaterThan(0);
    } finally {
      await b.close();
    }
  });

  it('with storage full, the card says the pin was not saved and shows it unpinned', async () => {
    const b = await launchWithExtension();
    try {
      const page = await b.context.newPage();
      await page.goto(server.url('/news-en.html'));
      await waitForMarks(page, 5);
      await fillStorage(b);
      await hoverMark(page, 'Qwen');
      const card = cardLocator(page);
      await card.waitFor({ state: 'visible' });
      await card.locator('button.fl-pin').first().click();
      await expect.poll(() => card.locator('.fl-status').textContent()).toContain('browser storage is full');
      expect(await card.locator('button.fl-pin').first().getAttribute('aria-pressed')).toBe('false');
    } finally {
      await b.close();
    }
  });

  it('with storage full, a note written in the card says it was not saved and keeps the text', async () => {
    const b = await launchWithExtension();
    try {
      const page = await b.context.newPage();
      await page.goto(server.url('/news-en.html'));
      await waitForMarks(page, 5);
      await fillStorage(b);
      await hoverMark(page, 'Qwen');
      const card = cardLocator(page);
      await card.waitFor({ state: 'visible' });
      await card.getByRole('button', { name: /Add a note about/ }).click();
      await focusClosedTextarea(page);
      await page.keyboard.type('A note that cannot fit.');
      await clickClosedButton(page, 'Save note');
      await expect.poll(() => closedText(page)).toContain('The note was not saved');
      expect(await closedText(page)).toContain('storage is full');
      // Still in the editor, nothing shown as saved, nothing stored.
      expect(await closedHasClass(page, 'fl-note-edit')).toBe(true);
      expect(await closedHasClass(page, 'fl-note-text')).toBe(false);
      const stored = await worker(b).evaluate(
        async () => (await chrome.storage.local.get('knowledge')).knowledge,
      );
      expect(stored ?? null).toBeNull();
      await page.screenshot({ path: await screenshotPath('card-note-storage-full-en.png') });
    } finally {
      await b.close();
    }
  });

  it('with sync storage full, the options page says the change was not saved and shows the stored choice', async () => {
    const b = await launchWithExtension();
    try {
      // Sync storage allows about 100 KB in all: fill it as another synced extension state might.
      await worker(b).evaluate(async () => {
        for (let size = 7000; size >= 8; size >>= 1) {
          for (let i = 0; i < 64; i++) {
            try {
              await chrome.storage.sync.set({ [`filler-${size}-${i}`]: 'x'.repeat(size) });
            } catch {
              break;
            }
          }
        }
      });
      const options = await b.openExtensionPage('options.html');
      const background = options.getByRole('radio', { name: 'Soft background' });
      await background.check({ force: true }).catch(() => {});
      const alert = options.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('storage for Factlens is full');
      await expect
        .poll(() => options.getByRole('radio', { name: 'Dotted underline' }).isChecked())
        .toBe(true);
      expect(await options.getByRole('radio', { name: 'Soft background' }).isChecked()).toBe(false);
    } finally {
      await b.close();
    }
  });
});
