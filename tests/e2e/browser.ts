// Launches the system Chromium with the built extension loaded, as a reader would have it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { EXTENSION_DIR, OUTPUT_DIR } from './paths';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Opens an extension page (popup.html, sidepanel.html, options.html) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Browser UI language, e.g. 'zh-CN'; the extension's strings follow it. */
  lang?: string;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  viewport?: { width: number; height: number };
  /** Reuse a profile directory (to test what survives a restart). */
  userDataDir?: string;
  extensionDir?: string;
  /** A real window, for `npm run demo` on a machine with a display. */
  headless?: boolean;
  /** A phone: touch input and a mobile viewport (no hover). */
  touch?: boolean;
  /** Close the welcome tab a fresh install opens (benchmarks want the browser to themselves). */
  closeWelcome?: boolean;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'factlens-profile-')));
  const ext = options.extensionDir ?? EXTENSION_DIR;
  const lang = options.lang ?? 'en-US';
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: lang,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport:
      options.viewport ?? (options.touch ? { width: 360, height: 740 } : { width: 1200, height: 800 }),
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      `--lang=${lang}`,
    ],
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), LANG: `${lang.replace('-', '_')}.UTF-8` },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (options.closeWelcome) {
    const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
    const welcome =
      context.pages().find(isWelcome) ??
      (await context.waitForEvent('page', { predicate: isWelcome, timeout: 5000 }).catch(() => null));
    await welcome?.close();
  }
  return {
    context,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (ownProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function screenshotPath(name: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  return resolve(OUTPUT_DIR, name);
}
