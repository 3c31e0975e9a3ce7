// Launches Debian's Firefox ESR with the built Firefox extension installed as a temporary add-on,
// driven by puppeteer-core over WebDriver BiDi (no browser download: the system Firefox).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { OUTPUT_DIR, REPO_ROOT } from '../e2e/paths';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(REPO_ROOT, '.output/firefox-mv2');
const GECKO_ID = 'factlens@factlens.example';
// A fixed moz-extension host, so the extension's own pages have known addresses.
const UUID = '3f1c2a9e-7b4d-4e8a-9c61-5d2f0e8b7a10';

export function assertFirefoxInstalled(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox not found at ${FIREFOX_PATH}: install it with "apt-get install -y firefox-esr" (or set FIREFOX_PATH).`,
    );
  }
}

export interface FirefoxOptions {
  /** 'zh-CN' needs Debian's firefox-esr-l10n-zh-cn language pack. */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

export interface ExtensionFirefox {
  browser: Browser;
  /** Extension origin: moz-extension://UUID */
  origin: string;
  newPage(url?: string): Promise<Page>;
  /** Opens popup.html, sidepanel.html or options.html in a tab, loaded and rendered. */
  openExtensionPage(path: string): Promise<Page>;
  /** Sends a message to the content script of the tab showing `url`, from an extension page. */
  sendToTab<T>(url: string, message: object): Promise<T>;
  /** The id of the tab showing `url`. */
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionFirefox> {
  assertFirefoxInstalled();
  const lang = options.lang ?? 'en-US';
  const dark = options.colorScheme === 'dark';
  const viewport = options.viewport ?? { width: 1200, height: 800 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Opening moz-extension:// pages over BiDi needs system access.
    args: ['--remote-allow-system-access', `--width=${viewport.width}`, `--height=${viewport.height}`],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      // The content-level colour scheme pages and extension pages see: 0 dark, 1 light.
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
      // Extension and page errors reach Firefox's stdout, where a failing test can point to them.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const origin = `moz-extension://${UUID}`;

  const newPage = async (url?: string) => {
    const page = await browser.newPage();
    await page.setViewport(viewport);
    if (url) await page.goto(url);
    return page;
  };

  // Firefox can report a moz-extension:// navigation as unfinished although the page loaded.
  const openExtensionPage = async (path: string) => {
    const page = await newPage();
    await page.goto(`${origin}/${path}`, { waitUntil: 'commit' } as never).catch(() => {});
    await page.waitForFunction(
      () => document.readyState === 'complete' && document.body?.childElementCount > 0,
    );
    return page;
  };

  let helper: Page | null = null;
  const helperPage = async () => {
    helper ??= await openExtensionPage('options.html');
    return helper;
  };

  const tabIdOf = async (url: string) => {
    const page = await helperPage();
    // Factlens can't read tab URLs (no "tabs" permission): each tab's content script says its own.
    const id = await page.evaluate(async (u) => {
      const ext = (globalThis as unknown as { browser: typeof chrome }).browser;
      for (const tab of await ext.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const info = (await ext.tabs.sendMessage(tab.id, { type: 'page-info' }, { frameId: 0 })) as {
            url?: string;
          };
          if (info?.url === u) return tab.id;
        } catch {
          // No content script in that tab.
        }
      }
      return undefined;
    }, url);
    if (id === undefined) throw new Error(`no tab shows ${url}`);
    return id;
  };

  return {
    browser,
    origin,
    newPage,
    openExtensionPage,
    tabIdOf,
    async sendToTab<T>(url: string, message: object) {
      const id = await tabIdOf(url);
      const page = await helperPage();
      return page.evaluate(
        (tab, m) =>
          (globalThis as unknown as { browser: typeof chrome }).browser.tabs.sendMessage(tab, m, {
            frameId: 0,
          }) as Promise<T>,
        id,
        message,
      ) as Promise<T>;
    },
    async close() {
      await browser.close();
    },
  };
}

export async function firefoxScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const path = resolve(OUTPUT_DIR, name) as `${string}.png`;
  await page.screenshot({ path });
  return path;
}
