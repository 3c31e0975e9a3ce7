import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Chrome gets the side panel; Firefox gets a sidebar_action from the same entrypoint.
// The manifest is a function so that Chrome-only permissions never reach the Firefox build.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { target: 'es2022', minify: process.env.FACTLENS_NO_MINIFY ? false : undefined },
  }),
  // The Firefox sources zip (for add-on review) holds what rebuilds the extension, not run output.
  zip: {
    excludeSources: [
      'bench-output/**',
      'test-output/**',
      'demo-output/**',
      'generated/**',
      'public/_locales/**',
    ],
  },
  hooks: {
    // The content script loads on every page: it uses the browser's own promise-based API
    // (Firefox's `browser`, MV3 Chrome's `chrome`) instead of webextension-polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((e) => e.type === 'content-script')) {
        config.resolve ??= {};
        config.resolve.alias = { ...(config.resolve.alias as object), 'wxt/browser': '@wxt-dev/browser' };
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab (no install warning) lets the toolbar and the shortcut see the current tab's URL.
    permissions:
      browser === 'firefox'
        ? ['storage', 'contextMenus', 'activeTab']
        : ['storage', 'sidePanel', 'contextMenus', 'activeTab'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandToggleSite__',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandNextMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'factlens@factlens.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Android got data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
