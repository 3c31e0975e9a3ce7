// One test file's browser session: a static server and Chromium with the built extension,
// started before the file's tests and closed after them.
import { afterAll, beforeAll } from 'vitest';
import { type ExtensionBrowser, type LaunchOptions, launchWithExtension } from './browser';
import { startServer, type TestServer } from './server';

export interface Session {
  server: TestServer;
  browser: ExtensionBrowser;
}

export function useSession(options?: LaunchOptions): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launchWithExtension(options);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
