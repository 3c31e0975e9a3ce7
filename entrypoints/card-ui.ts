// The hover card's own file (card-ui.js): Preact, Floating UI, the card's components and styles.
// Not listed in the manifest's content scripts: the content script imports it on first need
// (content/card-loader.ts), so a page that never shows a card never parses it. It is built as an
// ES module (wxt.config.ts) whose default export is what `main` returns; imported from a content
// script, it runs in the content script's world (Chrome's isolated world, Firefox's sandbox).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type CardModule, createCardUi } from './content/card-ui';

export default defineUnlistedScript((): CardModule => ({ createCardUi }));
