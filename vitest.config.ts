import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: the pure core in lib/ plus UI and storage code under happy-dom with WXT's fake browser.
// Browser end-to-end tests live in tests/ and run through vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['{lib,components,entrypoints,scripts,utils}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
