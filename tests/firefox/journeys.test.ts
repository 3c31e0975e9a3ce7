// The reader's and researcher's journeys in real Firefox ESR with the built Firefox extension:
// marks and traps, the card on a resting pointer and Esc, the keyboard path, pinning into the
// sidebar, the popup's per-site switch and settings applied live; screenshots in both languages.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../e2e/server';
import { type ExtensionFirefox, firefoxScreenshot, launchFirefox } from './firefox';

const MARK = 'factlens-mark';
const CARD = 'factlens-ui >>> [role="dialog"]';

let server: TestServer;
let ff: ExtensionFirefox;

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await sleep(100);
  }
}

const markCount = (page: Page) => page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, MARK);

async function waitForMarks(page: Page, atLeast: number): Promise<number> {
  return poll(
    () => markCount(page),
    (n) => n >= atLeast,
    15_000,
  );
}

/** The marked texts; Firefox's StaticRanges have no toString, so a Range is made of each. */
function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate((name) => {
    const out: string[] = [];
    for (const r of CSS.highlights.get(name) ?? []) {
      const s = r as AbstractRange;
      out.push((s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset));
    }
    return out;
  }, MARK);
}

async function markCenter(page: Page, text: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    (name, wanted) => {
      for (const r of CSS.highlights.get(name) ?? []) {
        const s = r as AbstractRange;
        if ((s.startContainer.textContent ?? '').slice(s.startOffset, s.endOffset) !== wanted) continue;
        (s.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(s.startContainer, s.startOffset);
        range.setEnd(s.endContainer, s.endOffset);
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    MARK,
    text,
  );
  if (!point) throw new Error(`no mark with text "${text}"`);
  return point;
}

async function hoverMark(page: Page, text: string): Promise<void> {
  const { x, y } = await markCenter(page, text);
  await page.mouse.move(x - 30, y + 40);
  await page.mouse.move(x, y, { steps: 8 });
}

const cardText = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('factlens-ui')?.shadowRoot?.querySelector('[role="dialog"]')?.textContent ??
      null,
  );

/** Opens a page and waits until the first full pass over it has painted its marks. */
async function openNews(path = '/news-en.html', marks = 8, browser = ff): Promise<Page> {
  const page = await browser.newPage(server.url(path));
  await waitForMarks(page, marks);
  await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
  return page;
}

describe('Firefox: marks', () => {
  it('marks English news and leaves the traps alone', async () => {
    const page = await openNews();
    const texts = await markedTexts(page);
    for (const name of [
      'Qwen',
      'SuperCLUE',
      'GPT-4',
      'OpenAI',
      'Huawei',
      'Ascend 910B',
      'MindSpore',
      'Kimi',
    ]) {
      expect(texts, name).toContain(name);
    }
    // "continued to ascend" and "Claude Monet" are not ours.
    expect(texts).not.toContain('ascend');
    expect(texts.filter((t) => t === 'Claude')).toHaveLength(1);
    await page.close();
  });

  it('marks running Chinese text', async () => {
    const page = await openNews('/news-zh.html', 5);
    const texts = await markedTexts(page);
    expect(texts.some((t) => t.startsWith('通义千问') || t === 'Qwen')).toBe(true);
    expect(texts.some((t) => t.startsWith('昇腾'))).toBe(true);
    await page.close();
  });
  it('marks what the page changes while the marker takes over from the gate watch', async () => {
    // The page of the Chromium test (tests/e2e/fixtures/handoff.html).
    const page = await ff.newPage(server.url('/handoff.html'));
    await page.waitForFunction(() => (window as unknown as { done?: boolean }).done === true);
    // Qwen, Alibaba, one name per added paragraph and six rewritten ones.
    await waitForMarks(page, 68);
    const texts = await markedTexts(page);
    expect(texts.filter((t) => t === 'Huawei')).toHaveLength(6);
    expect(texts).toHaveLength(68);
    expect(await page.evaluate(() => performance.getEntriesByName('factlens:marker-load').length)).toBe(1);
    await page.close();
  });
});

describe('Firefox: the card', () => {
  it('waits for a resting pointer, shows the card, hides it on Esc and on leaving', async () => {
    const page = await openNews();
    const { x, y } = await markCenter(page, 'Qwen');
    // A fast sweep shows nothing.
    await page.mouse.move(x - 200, y);
    await page.mouse.move(x + 200, y, { steps: 3 });
    await sleep(700);
    expect(await cardText(page)).toBeNull();

    await hoverMark(page, 'Qwen');
    await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
    expect(await cardText(page)).toContain('Qwen');
    await firefoxScreenshot(page, 'firefox-card-en-light.png');
    await page.keyboard.press('Escape');
    expect(
      await poll(
        () => cardText(page),
        (t) => t === null,
      ),
    ).toBeNull();

    await hoverMark(page, 'Qwen');
    await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
    await page.mouse.move(5, 5);
    expect(
      await poll(
        () => cardText(page),
        (t) => t === null,
        4000,
      ),
    ).toBeNull();
    await page.close();
  });

  it('opens cards from the keyboard path, focused, and returns focus on Esc', async () => {
    const page = await openNews();
    await page.click('h1');
    const next = () => ff.sendToTab<boolean>(page.url(), { type: 'next-mention' });
    expect(await next()).toBe(true);
    await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        return host?.localName === 'factlens-ui'
          ? host.shadowRoot?.activeElement?.localName
          : host?.localName;
      });
    expect(await poll(focused, (f) => f === 'h2')).toBe('h2');
    const first = await cardText(page);
    expect(await next()).toBe(true);
    expect(
      await poll(
        () => cardText(page),
        (t) => t !== first,
      ),
    ).not.toBe(first);
    await page.keyboard.press('Escape');
    expect(
      await poll(
        () => cardText(page),
        (t) => t === null,
      ),
    ).toBeNull();
    await page.close();
  });
});

describe('Firefox: only what a page needs', () => {
  it('adds nothing to a page that names nothing we know, until a mention appears', async () => {
    server.route('/quiet-ff.html', {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>quiet</title></head><body><p>A page about the garden: tomatoes, basil and a little rain.</p></body></html>',
    });
    const page = await ff.newPage(server.url('/quiet-ff.html'));
    await page.waitForFunction(() => performance.getEntriesByName('factlens:marked').length > 0);
    const ours = () =>
      page.evaluate(() => ({
        hosts: document.querySelectorAll('factlens-ui').length,
        styles: document.querySelectorAll('style').length,
        highlights: CSS.highlights.size,
        cardLoads: performance.getEntriesByName('factlens:card-load').length,
        // The mention gate stopped every text: neither the marker's code nor the detector was read.
        markerLoads: performance.getEntriesByName('factlens:marker-load').length,
        detectorLoads: performance.getEntriesByName('factlens:detector-load').length,
      }));
    expect(await ours()).toEqual({
      hosts: 0,
      styles: 0,
      highlights: 0,
      cardLoads: 0,
      markerLoads: 0,
      detectorLoads: 0,
    });
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>Alibaba released Qwen.</p>'));
    await waitForMarks(page, 2);
    await hoverMark(page, 'Qwen');
    await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
    expect(await cardText(page)).toContain('Qwen');
    expect(await ours()).toEqual({
      hosts: 1,
      styles: 1,
      highlights: 2,
      cardLoads: 1,
      markerLoads: 1,
      detectorLoads: 1,
    });
    await page.close();
  });

  it("loads the card's code and shows the card under Content-Security-Policy: default-src 'none'", async () => {
    server.route('/csp-ff.html', {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>csp</title></head><body><p>Alibaba released Qwen while Huawei trained models on Ascend 910B chips with MindSpore.</p></body></html>',
      headers: { 'content-security-policy': "default-src 'none'" },
    });
    const page = await openNews('/csp-ff.html', 3);
    await hoverMark(page, 'Qwen');
    await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
    expect(await cardText(page)).toContain('Qwen');
    // Styled from the card's own sheet, which the page's policy doesn't govern.
    const radius = await page.evaluate(() => {
      const dialog = document.querySelector('factlens-ui')?.shadowRoot?.querySelector('[role="dialog"]');
      return dialog ? getComputedStyle(dialog).borderTopLeftRadius : '';
    });
    expect(radius).toBe('12px');
    expect(await page.evaluate(() => performance.getEntriesByName('factlens:card-load').length)).toBe(1);
    await page.close();
  });
});

describe('Firefox: desk and settings', () => {
  it('pins a fact from the card and shows it in the sidebar page, live', async () => {
    const page = await openNews();
    const tabId = await ff.tabIdOf(page.url());
    const panel = await ff.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await panel.setViewport({ width: 380, height: 900 });
    await panel.waitForSelector('.fl-entity-list');
    await firefoxScreenshot(panel, 'firefox-sidebar-page-en-light.png');

    await page.bringToFront();
    await hoverMark(page, 'Qwen');
    const pin = await page.waitForSelector('factlens-ui >>> button.fl-pin', {
      visible: true,
      timeout: 10_000,
    });
    await pin!.click();
    const pressed = () =>
      page.evaluate(
        () =>
          document
            .querySelector('factlens-ui')
            ?.shadowRoot?.querySelector('button.fl-pin')
            ?.getAttribute('aria-pressed') ?? null,
      );
    expect(await poll(pressed, (p) => p === 'true')).toBe('true');

    await panel.bringToFront();
    const tabs = await panel.$$('[role="tab"]');
    await tabs[1]!.click();
    await panel.waitForSelector('.fl-pins .fl-fact', { timeout: 5000 });
    const pinned = await panel.$eval('.fl-pins', (el) => el.textContent ?? '');
    expect(pinned).toContain('Open models narrow the gap');
    await firefoxScreenshot(panel, 'firefox-sidebar-pins-en-light.png');
    await panel.close();
    await page.close();
  });

  it('switches the site off from the popup: marks go live, and come back', async () => {
    const page = await openNews();
    const tabId = await ff.tabIdOf(page.url());
    const popup = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    const siteSwitch = await popup.waitForSelector('[role="switch"]');
    expect(await siteSwitch!.evaluate((el) => el.getAttribute('aria-checked'))).toBe('true');
    await siteSwitch!.click();
    expect(
      await poll(
        () => markCount(page),
        (n) => n === 0,
      ),
    ).toBe(0);
    await popup.close();
    const reopened = await ff.openExtensionPage(`popup.html?tab=${tabId}`);
    const again = await reopened.waitForSelector('[role="switch"]');
    expect(
      await poll(
        () => again!.evaluate((el) => el.getAttribute('aria-checked')),
        (c) => c === 'false',
      ),
    ).toBe('false');
    await again!.click();
    expect(await waitForMarks(page, 8)).toBeGreaterThanOrEqual(8);
    await reopened.close();
    await page.close();
  });

  it('applies mark style and hidden types from settings to an open tab', async () => {
    const page = await openNews();
    const all = await markCount(page);
    const options = await ff.openExtensionPage('options.html');
    const setSettings = (patch: object) =>
      options.evaluate(async (p) => {
        const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
        const { settings } = await ext.storage.sync.get('settings');
        await ext.storage.sync.set({ settings: { ...(settings ?? {}), ...p } });
      }, patch);
    const markRule = () =>
      page.evaluate(() => document.querySelector('factlens-ui > style')?.textContent?.split('\n')[0] ?? '');
    expect(await markRule()).toContain('text-decoration');
    await setSettings({ markStyle: 'background' });
    expect(await poll(markRule, (r) => r.includes('background-color'))).toContain('background-color');
    await setSettings({ hiddenTypes: ['company'] });
    expect(
      await poll(
        () => markCount(page),
        (n) => n < all,
      ),
    ).toBeLessThan(all);
    await setSettings({ markStyle: 'underline', hiddenTypes: [] });
    expect(
      await poll(
        () => markCount(page),
        (n) => n === all,
      ),
    ).toBe(all);
    await options.close();
    await page.close();
  });
});

describe('Firefox: your own entries and notes', () => {
  it('marks a new entry in an open tab live, takes a note in the card, and keeps it from the page', async () => {
    server.route('/own-ff.html', {
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Watchlist</title></head><body><main><p>Analysts expect Norvane Labs to ship before Qwen does.</p></main></body></html>',
    });
    const page = await openNews('/own-ff.html', 1);
    expect(await markedTexts(page)).not.toContain('Norvane Labs');
    const options = await ff.openExtensionPage('options.html');
    const saved = await options.evaluate(
      (entity) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
          type: 'entities/save',
          entity,
        }) as Promise<{ ok: boolean }>,
      { type: 'company', name: { en: 'Norvane Labs' }, summary: { en: 'Private: their CTO.' } },
    );
    expect(saved.ok).toBe(true);
    await page.bringToFront();
    expect(
      await poll(
        () => markedTexts(page),
        (t) => t.includes('Norvane Labs'),
      ),
    ).toContain('Norvane Labs');

    await hoverMark(page, 'Norvane Labs');
    await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
    expect(await cardText(page)).toContain('Norvane Labs');
    await page.click('factlens-ui >>> button[aria-label^="Add a note"]');
    await sleep(200);
    // The editor is in a closed shadow root and takes focus itself; Ctrl+Enter saves.
    await page.keyboard.type('Firefox note about Norvane.');
    await page.keyboard.down('Control');
    await page.keyboard.press('Enter');
    await page.keyboard.up('Control');
    const stored = await poll(
      () =>
        options.evaluate(async () => {
          const { knowledge } = (await (
            globalThis as unknown as { browser: typeof chrome }
          ).browser.storage.local.get('knowledge')) as {
            knowledge?: { notes?: { text: string; quote: string; title: string }[] };
          };
          return knowledge?.notes ?? [];
        }),
      (notes) => notes.length > 0,
    );
    expect(stored[0]).toMatchObject({
      text: 'Firefox note about Norvane.',
      quote: 'Analysts expect Norvane Labs to ship before Qwen does.',
      title: 'Watchlist',
    });
    await sleep(300);
    await firefoxScreenshot(page, 'firefox-card-note-en-light.png');
    // What the page's own scripts see: no private text, no readable private root.
    const view = await page.evaluate(() => {
      const open = document.querySelector('factlens-ui')?.shadowRoot;
      const hosts = [...(open?.querySelectorAll('.fl-private') ?? [])];
      return {
        text: open?.textContent ?? '',
        hosts: hosts.length,
        readable: hosts.filter((h) => h.shadowRoot !== null).length,
      };
    });
    expect(view.hosts).toBe(1);
    expect(view.readable).toBe(0);
    expect(view.text).not.toContain('Firefox note about Norvane');
    expect(view.text).not.toContain('Private: their CTO');
    await options.close();
    await page.close();
  });
});

describe('Firefox: Chinese UI, dark theme', () => {
  it('shows the card and the sidebar in zh-CN, dark', async () => {
    const zh = await launchFirefox({ lang: 'zh-CN', colorScheme: 'dark' });
    try {
      const page = await openNews('/news-zh.html', 5, zh);
      const texts = await markedTexts(page);
      const name = texts.find((t) => t.startsWith('通义千问')) ?? texts[0]!;
      await hoverMark(page, name);
      await page.waitForSelector(CARD, { visible: true, timeout: 10_000 });
      // Dark theme: the card's background is dark (relative luminance of its computed colour).
      const luminance = await page.evaluate(() => {
        const dialog = document.querySelector('factlens-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        const rgb = dialog
          ? getComputedStyle(dialog)
              .backgroundColor.match(/[\d.]+/g)!
              .map(Number)
          : [255, 255, 255];
        return (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
      });
      await firefoxScreenshot(page, 'firefox-card-zh-dark.png');
      const tabId = await zh.tabIdOf(page.url());
      const panel = await zh.openExtensionPage(`sidepanel.html?tab=${tabId}`);
      await panel.setViewport({ width: 380, height: 900 });
      await panel.waitForSelector('.fl-entity-list');
      const tabLabels = await panel.$$eval('[role="tab"]', (els) => els.map((e) => e.textContent ?? ''));
      await firefoxScreenshot(panel, 'firefox-sidebar-page-zh-dark.png');
      // The UI follows Firefox's language (Debian's zh-CN language pack).
      expect(tabLabels.join(' ')).toMatch(/[\u4e00-\u9fff]/);
      expect(luminance).toBeLessThan(0.3);
      await panel.close();
      await page.close();
    } finally {
      await zh.close();
    }
  });
});
