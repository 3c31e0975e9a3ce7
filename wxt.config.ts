import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Files the content script imports on first need: the marker (marker.js, once some text passes
 * the mention gate) and the hover card (card-ui.js, which the marker loads).
 */
const LAZY_ENTRIES = new Set(['marker', 'card-ui']);

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
    'vite:build:extendConfig': (entrypoints, config) => {
      // The files the content script imports on first need (entrypoints/marker.ts, card-ui.ts):
      // ES modules (WXT builds unlisted scripts as IIFEs) whose default export is what their main
      // returns, minified in full (Vite leaves an ES library's whitespace and comments).
      if (entrypoints.length === 1 && LAZY_ENTRIES.has(entrypoints[0]!.name)) {
        const build = config.build!;
        if (build.lib) build.lib.formats = ['es'];
        if (build.minify !== false) {
          const options = build.rollupOptions!;
          options.output = { ...(options.output as object), minify: true, comments: false };
        }
      }
      // The content script loads on every page: it (and the files it loads) uses the browser's own
      // promise-based API (Firefox's `browser`, MV3 Chrome's `chrome`), not webextension-polyfill.
      if (entrypoints.every((e) => e.type === 'content-script' || LAZY_ENTRIES.has(e.name))) {
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
    // Chrome loads a file a content script imports only if pages may load it: through a URL
    // made afresh each session (runtime.getURL gives it), so a page can't probe for Factlens by a
    // fixed address. Firefox lets a content script import the extension's files without this.
    ...(browser === 'firefox'
      ? {}
      : {
          web_accessible_resources: [
            {
              resources: [...LAZY_ENTRIES].map((name) => `${name}.js`),
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
        }),
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
