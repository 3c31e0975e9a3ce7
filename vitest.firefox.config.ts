import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The same journeys in real Firefox ESR (puppeteer-core over WebDriver BiDi): one browser at a time.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/firefox/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['tests/firefox/global-setup.ts'],
  },
});
